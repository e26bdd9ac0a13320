// Package eni models Alibaba Cloud elastic network interfaces (ENIs) as the ECS API
// describes them (DescribeNetworkInterfaces), and the per-instance-type limits that
// decide how many ENIs an ECS instance takes and how many private IP addresses each ENI
// may hold.
//
// An [Interface] holds its private addresses as [netip.Addr] values, so comparisons are
// exact and cheap. [Kind] and [Status] are closed enums with invalid zero values.
//
// [LimitsFor] answers from a dated table ([LimitsDate]) built from the ECS
// documentation's instance family pages. A type missing from it gives ok=false, never a
// zero limit that would read as "no ENIs": callers then supply live limits from
// DescribeInstanceTypes. [ParseLimits] reads a table of the same format, so a newer one
// can be loaded without a release. An unattached ENI holds at most
// [MaxUnattachedSecondaryIPs] secondary addresses whatever the instance type.
//
// The package has no dependencies beyond the standard library and does no I/O.
package eni
