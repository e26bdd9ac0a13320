// Package eip models Alibaba Cloud Elastic IP addresses (EIPs) as the VPC API's
// DescribeEipAddresses reports them, reduced to what the association rules need: the
// allocation ID and address, region, status, billing, locks, and the current association
// (target type, target ID, mode and private IP).
//
// Every enum ([Status], [ChargeType], [InternetChargeType], [LockReason],
// [BusinessStatus], [InstanceType]) is a small integer with an invalid zero value,
// parsed case-insensitively from the API spelling, and marshalled back to it.
//
// The package has no dependencies beyond the standard library and does no I/O.
package eip
