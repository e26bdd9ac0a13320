package aliyun

import (
	"context"
	"errors"
	"net/http"
	"time"

	openapi "github.com/alibabacloud-go/darabonba-openapi/v2/client"
	ecsapi "github.com/alibabacloud-go/ecs-20140526/v7/client"
	"github.com/alibabacloud-go/tea/dara"
	"github.com/alibabacloud-go/tea/tea"
	vpc "github.com/alibabacloud-go/vpc-20160428/v6/client"
	"github.com/aliyun/credentials-go/credentials"

	"github.com/eipassoc/eipassoc/backend"
	"github.com/eipassoc/eipassoc/regions"
)

// Config configures a [Backend]. The zero Config uses the default credential chain and
// the cloud's endpoints for Region.
type Config struct {
	// Region picks the cloud's endpoints; each call still names its own region.
	Region regions.ID
	// AccessKeyID and AccessKeySecret (and SecurityToken for STS) give credentials
	// explicitly; leave them empty to use Credential or the default chain.
	AccessKeyID, AccessKeySecret, SecurityToken string
	// Credential is a credentials-go provider; nil with no AccessKeyID means the
	// default chain (environment, profile file, ECS RAM role).
	Credential credentials.Credential
	// Endpoint, when set, replaces both the VPC and the ECS endpoints, e.g.
	// "127.0.0.1:8787" for a local emulator (host[:port], no scheme).
	Endpoint string
	// Protocol is "https" (default) or "http".
	Protocol string
	// SignatureV2 signs with the older HMAC-SHA1 RPC signature instead of
	// ACS3-HMAC-SHA256.
	SignatureV2 bool
	// Timeout bounds each HTTP call; zero means 30s. A context deadline, when earlier,
	// wins.
	Timeout time.Duration
	// HTTPClient, when set, sends the requests; it bypasses the SDK's own proxy
	// handling and connection pool (useful in tests).
	HTTPClient *http.Client
}

// Backend is a [backend.Backend] on the official SDK. It is safe for concurrent use.
type Backend struct {
	vpc     *vpc.Client
	ecs     *ecsapi.Client
	timeout time.Duration
}

var _ backend.Backend = (*Backend)(nil)

// New returns a Backend for cfg.
func New(cfg Config) (*Backend, error) {
	if cfg.Region == "" && cfg.Endpoint == "" {
		return nil, errors.New("aliyun: Config.Region or Config.Endpoint is required")
	}
	oc := &openapi.Config{RegionId: tea.String(string(cfg.Region))}
	switch {
	case cfg.AccessKeyID != "":
		oc.AccessKeyId, oc.AccessKeySecret = tea.String(cfg.AccessKeyID), tea.String(cfg.AccessKeySecret)
		if cfg.SecurityToken != "" {
			oc.SecurityToken = tea.String(cfg.SecurityToken)
		}
	case cfg.Credential != nil:
		oc.Credential = cfg.Credential
	default:
		cred, err := credentials.NewCredential(nil)
		if err != nil {
			return nil, errors.New(
				"aliyun: no credentials: set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, a " +
					"profile, or a RAM role (" + scrub(
					err.Error(),
				) + ")",
			)
		}
		oc.Credential = cred
	}
	if cfg.Endpoint != "" {
		oc.Endpoint = tea.String(cfg.Endpoint)
	}
	if cfg.Protocol != "" {
		oc.Protocol = tea.String(cfg.Protocol)
	}
	if cfg.SignatureV2 {
		oc.SignatureAlgorithm = tea.String("v2")
	}
	timeout := cfg.Timeout
	if timeout <= 0 {
		timeout = 30 * time.Second
	}
	ms := int(timeout / time.Millisecond)
	oc.ReadTimeout, oc.ConnectTimeout = tea.Int(ms), tea.Int(ms)
	if cfg.HTTPClient != nil {
		oc.HttpClient = direct{cfg.HTTPClient}
	}
	v, err := vpc.NewClient(oc)
	if err != nil {
		return nil, errors.New("aliyun: VPC client: " + scrub(err.Error()))
	}
	e, err := ecsapi.NewClient(oc)
	if err != nil {
		return nil, errors.New("aliyun: ECS client: " + scrub(err.Error()))
	}
	return &Backend{vpc: v, ecs: e, timeout: timeout}, nil
}

// direct sends the SDK's requests with a plain *http.Client.
type direct struct{ c *http.Client }

// Call implements the SDK's HttpClient interface.
func (d direct) Call(r *http.Request, _ *http.Transport) (*http.Response, error) { return d.c.Do(r) }

// runtime returns per-call options: the read timeout is the earlier of the configured
// timeout and the context's deadline. It fails when the context is already done.
func (b *Backend) runtime(ctx context.Context) (*dara.RuntimeOptions, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	d := b.timeout
	if deadline, ok := ctx.Deadline(); ok {
		d = min(d, time.Until(deadline))
		if d <= 0 {
			return nil, context.DeadlineExceeded
		}
	}
	ms := max(int(d/time.Millisecond), 1)
	return &dara.RuntimeOptions{ReadTimeout: tea.Int(ms), ConnectTimeout: tea.Int(ms)}, nil
}
