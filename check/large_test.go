package check_test

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"testing"

	"github.com/eipassoc/eipassoc/check"
)

var (
	largePlan = flag.String("large-plan", "", "write the generated large plan to this file and exit the test")
	largeSize = flag.Int("large-size", 10000, "associations in the generated large plan (ENIs: a fifth of that)")
)

// writeLargePlan writes plan JSON in Terraform's shape: enis ENIs with 5 private IPs
// each (count), assocs NAT associations spread over them by known ENI ID, and their EIPs.
// Every ENI takes 5 EIPs, so 10,000 associations over 2,000 ENIs fill them exactly.
func writeLargePlan(w io.Writer, enis, assocs int) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	fmt.Fprint(
		bw,
		`{"format_version":"1.2","terraform_version":"1.11.4","variables":{"region":{"value":"cn-shanghai"}},"resource_changes":[`,
	)
	sep := ""
	for i := range enis {
		fmt.Fprintf(
			bw,
			`%s{"address":"alicloud_ecs_network_interface.eni[%d]","mode":"managed","type":"alicloud_ecs_network_interface","name":"eni","index":%d,"provider_name":"registry.terraform.io/aliyun/alicloud","change":{"actions":["no-op"],"before":{"id":"eni-%07d"},"after":{"id":"eni-%07d","vswitch_id":"vsw-1","primary_ip_address":"10.%d.%d.10","private_ip_addresses":["10.%d.%d.11","10.%d.%d.12","10.%d.%d.13","10.%d.%d.14"]},"after_unknown":{}}}`,
			sep,
			i,
			i,
			i,
			i,
			i/250,
			i%250,
			i/250,
			i%250,
			i/250,
			i%250,
			i/250,
			i%250,
			i/250,
			i%250,
		)
		sep = ","
	}
	for i := range assocs {
		n := i % enis
		ip := fmt.Sprintf("10.%d.%d.%d", n/250, n%250, 10+(i/enis)%5)
		fmt.Fprintf(
			bw,
			`,{"address":"alicloud_eip_address.eip[%d]","mode":"managed","type":"alicloud_eip_address","name":"eip","index":%d,"provider_name":"registry.terraform.io/aliyun/alicloud","change":{"actions":["create"],"before":null,"after":{"payment_type":"PayAsYouGo"},"after_unknown":{"id":true}}}`,
			i,
			i,
		)
		fmt.Fprintf(
			bw,
			`,{"address":"alicloud_eip_association.a[%d]","mode":"managed","type":"alicloud_eip_association","name":"a","index":%d,"provider_name":"registry.terraform.io/aliyun/alicloud","change":{"actions":["create"],"before":null,"after":{"instance_id":"eni-%07d","instance_type":"NetworkInterface","mode":"NAT","private_ip_address":"%s"},"after_unknown":{"allocation_id":true,"id":true}}}`,
			i,
			i,
			n,
			ip,
		)
	}
	fmt.Fprint(
		bw,
		`],"configuration":{"provider_config":{"alicloud":{"name":"alicloud","full_name":"registry.terraform.io/aliyun/alicloud","expressions":{"region":{"references":["var.region"]}}}},"root_module":{"resources":[`,
	)
	fmt.Fprint(
		bw,
		`{"address":"alicloud_ecs_network_interface.eni","mode":"managed","type":"alicloud_ecs_network_interface","name":"eni","provider_config_key":"alicloud","expressions":{"vswitch_id":{"constant_value":"vsw-1"}},"count_expression":{"constant_value":2000}},`,
	)
	fmt.Fprint(
		bw,
		`{"address":"alicloud_eip_address.eip","mode":"managed","type":"alicloud_eip_address","name":"eip","provider_config_key":"alicloud","expressions":{},"count_expression":{"constant_value":10000}},`,
	)
	fmt.Fprint(
		bw,
		`{"address":"alicloud_eip_association.a","mode":"managed","type":"alicloud_eip_association","name":"a","provider_config_key":"alicloud","expressions":{"allocation_id":{"references":["alicloud_eip_address.eip","count.index"]},"instance_id":{"references":["local.enis","count.index"]}},"count_expression":{"constant_value":10000}}`,
	)
	fmt.Fprint(bw, `]}}}`)
	return bw.Flush()
}

// TestWriteLargePlan writes the generated plan for an end-to-end timing of the binary:
// go test ./check -run TestWriteLargePlan -large-plan /tmp/large.json [-large-size N]
func TestWriteLargePlan(t *testing.T) {
	t.Parallel()
	if *largePlan == "" {
		t.Skip("pass -large-plan FILE to write the generated plan")
	}
	f, err := os.Create(*largePlan)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := writeLargePlan(f, *largeSize/5, *largeSize); err != nil {
		t.Fatal(err)
	}
}

// TestLargePlanIsClean: the generated plan fills every ENI exactly, so a correct run
// finds nothing; a wrong capacity count would show here.
func TestLargePlanIsClean(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	if err := writeLargePlan(&buf, 200, 1000); err != nil {
		t.Fatal(err)
	}
	m, err := check.LoadPlan(&buf, "large.json", check.PlanOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if fs := check.Run(m, check.Options{Behaviour: 1}); len(fs) != 0 || len(m.Associations) != 1000 {
		t.Fatalf("%d associations, findings %v", len(m.Associations), brief(fs))
	}
}

// BenchmarkCheckLargePlan decodes and checks a plan with 10,000 associations over 2,000
// ENIs (about 8 MB of JSON).
func BenchmarkCheckLargePlan(b *testing.B) {
	var buf bytes.Buffer
	if err := writeLargePlan(&buf, 2000, 10000); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		m, err := check.LoadPlan(bytes.NewReader(data), "large.json", check.PlanOptions{})
		if err != nil {
			b.Fatal(err)
		}
		if fs := check.Run(m, check.Options{Behaviour: 1}); len(fs) != 0 {
			b.Fatalf("%d findings", len(fs))
		}
	}
}
