// Package regions lists Alibaba Cloud's region IDs with their display names and status,
// and says which EIP-to-ENI association modes each region supports.
//
// Region IDs form an open set that grows without a release of this package, so an [ID]
// is a plain string type rather than an enum; [Lookup] turns one into an [Info] or into
// an *[UnknownError] with the stable code "region-unknown". Nothing here panics on input.
//
// Two sources disagree on mode support and both are kept: the product documentation
// (2024) and the API documentation snapshot (2021). NAT mode works in every region in
// both. The product documentation adds China (Guangzhou) to the cut-through list.
// [Info.Supports] follows the product documentation; [Info.Listing] shows both.
//
// Region data was taken from the ECS and VPC endpoint pages as collected on 2026-11-25;
// [DataDate] records that. The package has no dependencies beyond the standard library.
package regions
