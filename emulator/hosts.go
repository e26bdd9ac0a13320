package emulator

import (
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"

	"github.com/eipassoc/eipassoc/backend"
)

// checkHost refuses a request whose Host, or Origin when it has one, the server does
// not answer to (Config.Hosts). Only used without signatures: a signed request cannot
// come from a web page that does not hold the keys.
func (s *Server) checkHost(r *http.Request) error {
	if !s.hostAllowed(r.Host) {
		return forbidden(
			"The Host " + r.Host + " is not an address this server answers to; without access keys it answers only " +
				s.describeHosts() + ".",
		)
	}
	if origin := r.Header.Get("Origin"); origin != "" {
		u, err := url.Parse(origin)
		if err != nil || !s.hostAllowed(u.Host) {
			return forbidden("Requests from the web origin " + origin + " are refused without access keys.")
		}
	}
	return nil
}

func forbidden(msg string) error {
	e := backend.NewError("", "Forbidden", msg)
	e.HTTPStatus = http.StatusForbidden
	return e
}

// hostAllowed matches a Host value (host or host:port) against Config.Hosts, or against
// localhost and the loopback addresses when that is empty.
func (s *Server) hostAllowed(hostport string) bool {
	hostport = strings.ToLower(hostport)
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	if len(s.hosts) == 0 {
		if host == "localhost" {
			return true
		}
		ip, err := netip.ParseAddr(host)
		return err == nil && ip.IsLoopback()
	}
	for _, allowed := range s.hosts {
		if allowed == hostport || allowed == host || strings.Trim(allowed, "[]") == host {
			return true
		}
	}
	return false
}

func (s *Server) describeHosts() string {
	if len(s.hosts) == 0 {
		return "localhost and loopback addresses"
	}
	return strings.Join(s.hosts, ", ")
}

// headerBytes is the size of the request line and headers as they came on the wire,
// near enough: method, target, and each "Name: value\r\n".
func headerBytes(r *http.Request) int {
	n := len(r.Method) + len(r.RequestURI) + len(r.Proto) + 4
	for name, values := range r.Header {
		for _, v := range values {
			n += len(name) + len(v) + 4
		}
	}
	return n + len(r.Host)
}
