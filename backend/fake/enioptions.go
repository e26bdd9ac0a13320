package fake

import (
	"context"
	"maps"

	"github.com/eipassoc/eipassoc/eni"
	"github.com/eipassoc/eipassoc/regions"
)

// SetENIOptions keeps parameters of an ENI that the rules do not read (source and
// destination check, queues, traffic mode, resource group...) as they were sent, to
// give them back; they are merged into what the ENI has. ModifyNetworkInterfaceAttribute
// and the emulator's CreateNetworkInterface call it.
func (b *Backend) SetENIOptions(ctx context.Context, region regions.ID, id eni.ID, options map[string]string) (err error) {
	const op = OpModifyENI
	if err := begin(ctx, b, op, id); err != nil {
		return err
	}
	defer func() { err = end(b, op, id, err) }()
	r := b.s.enis[id]
	if r == nil || r.iface.Region != region {
		return fail(op, "InvalidEniId.NotFound", "The ENI "+string(id)+" does not exist.")
	}
	next := maps.Clone(r.options)
	if next == nil {
		next = map[string]string{}
	}
	maps.Copy(next, options)
	r.options = next
	return nil
}

// ENIOptions returns what SetENIOptions kept for an ENI.
func (b *Backend) ENIOptions(id eni.ID) map[string]string {
	b.mu.Lock()
	defer b.mu.Unlock()
	if r := b.s.enis[id]; r != nil {
		return maps.Clone(r.options)
	}
	return nil
}
