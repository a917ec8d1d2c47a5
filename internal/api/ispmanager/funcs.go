package ispmanager

// The BILLmanager functions and fields the client uses, in one place so they
// can be corrected against a real partner account. Function names come from
// ispmanager's partner documentation and ISPsystem's own billing module;
// whoami and the addon and autoprolong fields of *.edit are not documented.
const (
	funcPricelist       = "pricelist.export"
	funcWhoami          = "whoami"
	funcSoftOrder       = "soft.order.param"
	funcPlatformOrder   = "platform.order.param"
	funcSoftList        = "soft"
	funcPlatformList    = "platform"
	funcSoftEdit        = "soft.edit"
	funcPlatformEdit    = "platform.edit"
	funcProlong         = "service.prolong"
	funcChangePricelist = "service.changepricelist"
	funcSuspend         = "soft.suspend"
	funcResume          = "soft.resume"
	funcSoftDelete      = "soft.delete"
	funcPlatformDelete  = "platform.delete"
)

// Item types: soft licences are bound to an IP, platform ones to a key.
const (
	ItemSoft     = "soft"
	ItemPlatform = "platform"
)

// pageSize is how many licences one list call asks for.
const pageSize = 500

func orderFunc(itemType string) string {
	if itemType == ItemPlatform {
		return funcPlatformOrder
	}
	return funcSoftOrder
}

func listFunc(itemType string) string {
	if itemType == ItemPlatform {
		return funcPlatformList
	}
	return funcSoftList
}

func editFunc(itemType string) string {
	if itemType == ItemPlatform {
		return funcPlatformEdit
	}
	return funcSoftEdit
}

func deleteFunc(itemType string) string {
	if itemType == ItemPlatform {
		return funcPlatformDelete
	}
	return funcSoftDelete
}

// nameField is the field holding a licence's name: a platform licence has a
// comment instead.
func nameField(itemType string) string {
	if itemType == ItemPlatform {
		return "comment"
	}
	return "licname"
}
