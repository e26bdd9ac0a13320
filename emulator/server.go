package emulator

import (
	"cmp"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/backend/fake"
)

// Config configures a [Server]. Only Backend is required.
type Config struct {
	// Backend is the account the server serves: the fake, which keeps everything the
	// server answers (the emulator serves nothing else, so there is no interface to
	// implement).
	Backend *fake.Backend
	// AccessKeys maps AccessKeyId to AccessKeySecret. Requests must be signed with one
	// of them; with none, signatures are not checked.
	AccessKeys map[string]string
	// Logger receives one record for each request; nil means slog.Default().
	Logger *slog.Logger
	// MaxBodyBytes bounds a request body; zero means 1 MiB.
	MaxBodyBytes int64
	// Now is the clock for signature timestamps; nil means time.Now.
	Now func() time.Time
	// MaxHeaderBytes bounds the request line and headers; zero means 64 KiB. A larger
	// request gets a JSON 431 answer. Give the http.Server a larger MaxHeaderBytes
	// (see [TransportHeaderBytes]), or net/http answers first, in plain text.
	MaxHeaderBytes int
	// Record, when set, receives every call that reached an operation as a JSON line
	// (see [Exchange]): the raw material of contract fixtures.
	Record io.Writer
	// Hosts lists the Host header values the server answers when no AccessKeys are
	// configured: "host:port" matches exactly, "host" with any port. Empty means
	// localhost and loopback addresses. Without signatures any web page could otherwise
	// drive the server through DNS rebinding; a request whose Host, or Origin, is not
	// listed gets 403.
	Hosts []string
}

// TransportHeaderBytes is the http.Server MaxHeaderBytes to serve a [Server] with: large
// enough that the Server's own limit, which answers in JSON, comes first.
const TransportHeaderBytes = 1 << 20

// Server is an http.Handler that serves the EIP and ENI API. It is safe for concurrent
// use.
type Server struct {
	b         *fake.Backend
	log       *slog.Logger
	maxBody   int64
	maxHeader int
	hosts     []string
	seeded    fake.Snapshot // the account as New found it, for the reset endpoint
	rec       *recorder
	verifier  *verifier
	actions   map[opKey]handler
	declared  map[opKey]modelled // the parameters each operation takes
	strays    strays             // parameters handlers read that their operation does not declare
}

// API versions.
const (
	VPCVersion = backend.VPCVersion
	ECSVersion = backend.ECSVersion
	RAMVersion = backend.RAMVersion
	STSVersion = backend.STSVersion
	KMSVersion = backend.KMSVersion
)

// New returns a Server for cfg.
func New(cfg Config) (*Server, error) {
	if cfg.Backend == nil {
		return nil, errors.New("emulator: Config.Backend is nil")
	}
	s := &Server{b: cfg.Backend, log: cfg.Logger, maxBody: cfg.MaxBodyBytes}
	if s.log == nil {
		s.log = slog.Default()
	}
	if s.maxBody <= 0 {
		s.maxBody = 1 << 20
	}
	s.maxHeader = cfg.MaxHeaderBytes
	if s.maxHeader <= 0 {
		s.maxHeader = 64 << 10
	}
	for _, h := range cfg.Hosts {
		if h == "" {
			return nil, errors.New("emulator: Config.Hosts has an empty entry")
		}
		s.hosts = append(s.hosts, strings.ToLower(h))
	}
	now := cfg.Now
	if now == nil {
		now = time.Now
	}
	keys := map[string]string{}
	for id, secret := range cfg.AccessKeys {
		if id == "" || secret == "" {
			return nil, errors.New("emulator: AccessKeys has an empty ID or secret")
		}
		keys[id] = secret
	}
	s.verifier = &verifier{keys: keys, now: now}
	s.actions, s.declared = s.table()
	s.seeded = cfg.Backend.Snapshot()
	s.rec = newRecorder(cfg.Record)
	return s, nil
}

// ServeHTTP implements [http.Handler].
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	op, status, code := s.serve(w, r)
	s.log.LogAttrs(r.Context(), slog.LevelInfo, "request",
		slog.String("action", string(op)), slog.Int("status", status), slog.String("code", code),
		slog.String("remote", r.RemoteAddr), slog.Duration("took", time.Since(start)))
	if status == statusAnswerLost {
		panic(http.ErrAbortHandler) // the connection closes without an answer: net/http's way
	}
}

// statusAnswerLost is the status serve reports for a call whose answer an injected
// LostAnswer fault lost: nothing was written, and the connection is to be dropped.
const statusAnswerLost = 0

func (s *Server) serve(w http.ResponseWriter, r *http.Request) (op backend.Op, status int, code string) {
	defer func() {
		if p := recover(); p != nil {
			s.log.Error("handler panic", slog.Any("panic", p), slog.String("action", string(op)))
			err := backend.NewError(string(op), "InternalError", "")
			err.HTTPStatus = 500
			status, code = s.writeError(w, r, err)
		}
	}()
	if strings.HasPrefix(r.URL.Path, ManagementPrefix) {
		status, code = s.manage(w, r)
		return backend.Op(r.URL.Path), status, code
	}
	if r.Method != http.MethodPost && r.Method != http.MethodGet {
		return "", s.writeErr(
			w,
			r,
			"",
			"UnsupportedHTTPMethod",
			"Only GET and POST are supported.",
			http.StatusMethodNotAllowed,
		), "UnsupportedHTTPMethod"
	}
	if n := headerBytes(r); n > s.maxHeader {
		msg := fmt.Sprintf("The request line and headers take %d bytes, more than the %d allowed.", n, s.maxHeader)
		return "", s.writeErr(
			w,
			r,
			"",
			"InvalidParameter",
			msg,
			http.StatusRequestHeaderFieldsTooLarge,
		), "InvalidParameter"
	}
	if len(s.verifier.keys) == 0 {
		if err := s.checkHost(r); err != nil {
			status, code = s.writeError(w, r, err)
			return "", status, code
		}
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.maxBody))
	if err != nil {
		return "", s.writeErr(
			w,
			r,
			"",
			"InvalidParameter",
			"The request body is too large or unreadable.",
			http.StatusRequestEntityTooLarge,
		), "InvalidParameter"
	}
	v, err := values(r, body)
	if err != nil {
		status, code = s.writeError(
			w,
			r,
			backend.NewError("", "InvalidParameter", "The request parameters are malformed: "+err.Error()),
		)
		return "", status, code
	}
	name, version, err := operation(r, v)
	op = backend.Op(name)
	if err != nil {
		status, code = s.writeError(w, r, err)
		return op, status, code
	}
	defer func() { s.rec.record(newExchange(name, version, v, status, code)) }() // served or not, signed or not
	if err := s.verifier.verify(op, version, r, v, body); err != nil {
		status, code = s.writeError(w, r, err)
		return op, status, code
	}
	handle, ok := s.actions[opKey{version, name}]
	if !ok {
		status, code = s.writeError(w, r, unsupported(name, version))
		return op, status, code
	}
	ctx, err := s.b.Enter(r.Context(), op) // an injected fault, before anything else
	if err != nil {
		status, code = s.writeError(w, r, err)
		return op, status, code
	}
	declared := s.declared[opKey{version, name}]
	p := &params{op: op, v: v}
	if err := refuseOthers(p, declared); err != nil {
		status, code = s.writeError(w, r, err)
		return op, status, code
	}
	result, err := handle(ctx, p)
	if strays := p.strays(declared); len(strays) > 0 {
		s.strays.note(name, strays)
		s.log.Error("a handler read parameters its operation does not declare (in its route)",
			"action", name, "parameters", strays)
	}
	if err == nil {
		err = fake.AnswerFault(ctx) // the call took effect; an injected fault answers for it
	}
	switch {
	case errors.Is(err, fake.ErrAnswerLost):
		return op, statusAnswerLost, "AnswerLost"
	case err != nil:
		status, code = s.writeError(w, r, err)
		return op, status, code
	}
	return op, s.writeJSON(w, http.StatusOK, result), ""
}

// values merges the query string and, for a form body, the form parameters. A
// parameter given twice is refused: a signature covers one value of each parameter,
// and the SDKs number repeated parameters (SecurityGroupIds.1, .2) instead.
func values(r *http.Request, body []byte) (url.Values, error) {
	v, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil {
		return nil, err
	}
	if ct := r.Header.Get("Content-Type"); strings.HasPrefix(ct, "application/x-www-form-urlencoded") && len(body) > 0 {
		form, err := url.ParseQuery(string(body))
		if err != nil {
			return nil, err
		}
		for k, vals := range form {
			v[k] = append(v[k], vals...)
		}
	}
	for k, vals := range v {
		if len(vals) > 1 {
			return nil, fmt.Errorf("the parameter %q is given %d times", k, len(vals))
		}
	}
	return v, nil
}

// operation returns the action and the API version a request names: the X-Acs-Action
// and X-Acs-Version headers or the Action and Version parameters. Where a request has
// both, they must agree; which of them the signature has to cover is checked by the
// verifier.
func operation(r *http.Request, v url.Values) (action, version string, err error) {
	pick := func(header, param string) (string, error) {
		h, p := r.Header.Get(header), v.Get(param)
		if h != "" && p != "" && h != p {
			return "", backend.NewError(
				p,
				"InvalidParameter",
				fmt.Sprintf("The %s header (%q) and the %s parameter (%q) disagree.", header, h, param, p),
			)
		}
		return cmp.Or(p, h), nil
	}
	if action, err = pick("X-Acs-Action", "Action"); err != nil {
		return "", "", err
	}
	if version, err = pick("X-Acs-Version", "Version"); err != nil {
		return action, "", err
	}
	if action == "" {
		return "", "", backend.NewError(
			"",
			"MissingParameter",
			"The input parameter \"Action\" that is mandatory for processing this request is not supplied.",
		)
	}
	return action, version, nil
}

// errorBody is the cloud's error answer.
type errorBody struct {
	RequestID string `json:"RequestId"`
	HostID    string `json:"HostId"`
	Code      string `json:"Code"`
	Message   string `json:"Message"`
}

func (s *Server) writeErr(w http.ResponseWriter, r *http.Request, op backend.Op, code, msg string, status int) int {
	e := backend.NewError(string(op), code, msg)
	e.HTTPStatus = status
	st, _ := s.writeError(w, r, e)
	return st
}

// writeError answers with err's code, message, status and request ID.
func (s *Server) writeError(w http.ResponseWriter, r *http.Request, err error) (status int, code string) {
	e, ok := errors.AsType[*backend.Error](err)
	if !ok || e.Code == "" {
		e = &backend.Error{Code: "InternalError", Message: fmt.Sprint(err), HTTPStatus: 500}
		if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
			e = &backend.Error{
				Code:       "ServiceUnavailable",
				Message:    "The request was cancelled or timed out.",
				HTTPStatus: 503,
			}
		}
	}
	status = e.HTTPStatus
	if status < 400 || status > 599 {
		status = http.StatusBadRequest
	}
	id := e.RequestID
	if id == "" {
		id = newRequestID()
	}
	s.writeJSON(w, status, errorBody{RequestID: id, HostID: hostOf(r), Code: e.Code, Message: e.Message})
	return status, e.Code
}

func hostOf(r *http.Request) string {
	if h, _, err := net.SplitHostPort(r.Host); err == nil {
		return h
	}
	return r.Host
}

func (s *Server) writeJSON(w http.ResponseWriter, status int, v any) int {
	w.Header().Set("Content-Type", "application/json;charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
	return status
}

// newRequestID returns a random request ID in the cloud's format.
func newRequestID() string {
	var b [16]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails
	h := strings.ToUpper(hex.EncodeToString(b[:]))
	return h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}

// unsupported answers an operation the server does not serve. An action the official
// SDKs have (sdkActions) is real but not modelled here: 400 UnsupportedOperation, which
// names it, and not the cloud's 404, on purpose: callers such as the Terraform provider
// read a 404 as "the resource is gone", and a destroy would pass while skipping work.
// Any other action does not exist, and gets what the cloud answers: 404
// InvalidAction.NotFound.
func unsupported(action, version string) error {
	if sdkActions()[opKey{version, action}] {
		e := backend.NewError(action, "UnsupportedOperation", productOf(version)+" "+version+" "+action+
			" is a real action that eipassoc serve does not model; GET /_eipassoc/actions lists what it serves and "+
			"what it does not.")
		e.HTTPStatus = http.StatusBadRequest
		return e
	}
	e := backend.NewError(
		action,
		"InvalidAction.NotFound",
		"Specified api "+action+" (version "+version+") is not found, please check your url and method.",
	)
	e.HTTPStatus = http.StatusNotFound
	return e
}
