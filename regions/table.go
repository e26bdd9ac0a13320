package regions

import "github.com/eipassoc/eipassoc/modes"

// Sources of the table:
//   - IDs, names and status: the ECS and VPC API endpoint pages (VPC page updated
//     2026-01-07) and the 2021 "Regions and zones" page, as collected in the API facts
//     (§4); finance and government regions from the Terraform provider's region list.
//   - Mode lists: the product documentation's "Supported regions" row (updated
//     2024-01-19) and the 2021 API documentation snapshot (§6).

// cutThroughProductDoc lists the regions where the product documentation offers
// cut-through (BINDED) mode.
var cutThroughProductDoc = []ID{
	"cn-hangzhou", "cn-shanghai", "cn-qingdao", "cn-beijing", "cn-zhangjiakou", "cn-huhehaote",
	"cn-shenzhen", "cn-guangzhou", "cn-chengdu", "ap-southeast-1", "ap-southeast-5",
	"eu-central-1", "eu-west-1", "us-east-1",
}

// cutThroughAPIDoc lists the regions of the 2021 API documentation: the same without
// China (Guangzhou).
var cutThroughAPIDoc = []ID{
	"cn-hangzhou", "cn-shanghai", "cn-qingdao", "cn-beijing", "cn-zhangjiakou", "cn-huhehaote",
	"cn-shenzhen", "cn-chengdu", "ap-southeast-1", "ap-southeast-5",
	"eu-central-1", "eu-west-1", "us-east-1",
}

// multiBinded lists the regions of multi-EIP-to-ENI (MULTI_BINDED) mode; both sources agree.
var multiBinded = []ID{
	"cn-shenzhen", "cn-shanghai", "cn-beijing", "cn-zhangjiakou", "cn-chengdu",
	"ap-southeast-1", "eu-central-1", "ap-south-1", "us-east-1", "eu-west-1",
}

var table = newIndex(build([]Info{
	{ID: "cn-qingdao", Name: "China (Qingdao)", Status: Open},
	{ID: "cn-beijing", Name: "China (Beijing)", Status: Open},
	{ID: "cn-zhangjiakou", Name: "China (Zhangjiakou)", Status: Open},
	{ID: "cn-huhehaote", Name: "China (Hohhot)", Status: Open},
	{ID: "cn-wulanchabu", Name: "China (Ulanqab)", Status: Open},
	{ID: "cn-hangzhou", Name: "China (Hangzhou)", Status: Open},
	{ID: "cn-shanghai", Name: "China (Shanghai)", Status: Open},
	{ID: "cn-nanjing", Name: "China (Nanjing - Local Region)", Status: Closing},
	{ID: "cn-fuzhou", Name: "China (Fuzhou - Local Region)", Status: Closing},
	{ID: "cn-wuhan-lr", Name: "China (Wuhan - Local Region)", Status: Open},
	{ID: "cn-shenzhen", Name: "China (Shenzhen)", Status: Open},
	{ID: "cn-heyuan", Name: "China (Heyuan)", Status: Open},
	{ID: "cn-guangzhou", Name: "China (Guangzhou)", Status: Open},
	{ID: "cn-chengdu", Name: "China (Chengdu)", Status: Open},
	{ID: "cn-zhongwei", Name: "China (Zhongwei)", Status: Open},
	{ID: "cn-zhengzhou-jva", Name: "Zhengzhou (China Unicom)", Status: Open},
	{ID: "cn-hongkong", Name: "China (Hong Kong)", Status: Open},
	{ID: "ap-northeast-1", Name: "Japan (Tokyo)", Status: Open},
	{ID: "ap-northeast-2", Name: "South Korea (Seoul)", Status: Open},
	{ID: "ap-southeast-1", Name: "Singapore", Status: Open},
	{ID: "ap-southeast-2", Name: "Australia (Sydney)", Status: Closed},
	{ID: "ap-southeast-3", Name: "Malaysia (Kuala Lumpur)", Status: Open},
	{ID: "ap-southeast-5", Name: "Indonesia (Jakarta)", Status: Open},
	{ID: "ap-southeast-6", Name: "Philippines (Manila)", Status: Open},
	{ID: "ap-southeast-7", Name: "Thailand (Bangkok)", Status: Open},
	{ID: "ap-southeast-8", Name: "Malaysia (Johor)", Status: Open},
	{ID: "ap-south-1", Name: "India (Mumbai)", Status: Closed},
	{ID: "us-west-1", Name: "US (Silicon Valley)", Status: Open},
	{ID: "us-east-1", Name: "US (Virginia)", Status: Open},
	{
		ID:     "us-southeast-1",
		Name:   "US (Atlanta)",
		Status: Open,
		Note:   "display name not confirmed by an Alibaba Cloud page",
	},
	{ID: "na-south-1", Name: "Mexico", Status: Open},
	{ID: "eu-central-1", Name: "Germany (Frankfurt)", Status: Open},
	{ID: "eu-west-1", Name: "UK (London)", Status: Open},
	{ID: "me-east-1", Name: "UAE (Dubai)", Status: Open},
	{ID: "me-central-1", Name: "Saudi Arabia (Riyadh)", Status: Open, Note: "partner region"},
	{
		ID:     "cn-hangzhou-finance",
		Name:   "China East 1 Finance",
		Status: Open,
		Note:   "industry cloud; from the Terraform provider's region list",
	},
	{
		ID:     "cn-shanghai-finance-1",
		Name:   "China East 2 Finance",
		Status: Open,
		Note:   "industry cloud; from the Terraform provider's region list",
	},
	{
		ID:     "cn-shenzhen-finance-1",
		Name:   "China South 1 Finance",
		Status: Open,
		Note:   "industry cloud; from the Terraform provider's region list",
	},
	{
		ID:     "cn-beijing-finance-1",
		Name:   "China North 2 Finance",
		Status: Open,
		Note:   "industry cloud; from the Terraform provider's region list",
	},
	{
		ID:     "cn-north-2-gov-1",
		Name:   "Beijing Government Cloud",
		Status: Open,
		Note:   "industry cloud; from the Terraform provider's region list",
	},
}))

// build indexes the regions and fills in their mode listings. NAT mode is documented
// for "all regions" by both sources.
func build(infos []Info) map[ID]Info {
	set := func(ids []ID, m modes.Mode, field func(*Info) *modeSet, out map[ID]Info) {
		for _, id := range ids {
			info := out[id]
			*field(&info) |= 1 << m
			out[id] = info
		}
	}
	out := make(map[ID]Info, len(infos))
	for _, info := range infos {
		info.productDoc = 1 << modes.NAT
		info.apiDoc = 1 << modes.NAT
		out[info.ID] = info
	}
	product := func(i *Info) *modeSet { return &i.productDoc }
	api := func(i *Info) *modeSet { return &i.apiDoc }
	set(cutThroughProductDoc, modes.Binded, product, out)
	set(cutThroughAPIDoc, modes.Binded, api, out)
	set(multiBinded, modes.MultiBinded, product, out)
	set(multiBinded, modes.MultiBinded, api, out)
	return out
}
