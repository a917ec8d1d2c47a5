package zohomail

import (
	"context"
	"errors"
	"net/http"
	"net/url"
)

// EnableTrial starts a 15-day trial of planName ("basicTrial",
// "professionalTrial" or "mailPremiumTrial"). Zoho refuses an org that had a
// trial or is on a paid plan (500, with the reason in the message).
func (c *Client) EnableTrial(ctx context.Context, zoid ZOID, planName string) error {
	if zoid == "" || planName == "" {
		return errors.New("zoho mailadmin: EnableTrial: the zoid and the plan are required")
	}
	_, err := c.call(ctx, request{
		service: serviceMailAdmin, method: http.MethodPut, path: enableTrialRoute(zoid),
		query: url.Values{"planName": {planName}}, once: true, scope: scopeOrgUpdate,
	})
	return err
}

// ExtendTrial adds 15 days to the running trial, once per trial.
func (c *Client) ExtendTrial(ctx context.Context, zoid ZOID) error {
	if zoid == "" {
		return errors.New("zoho mailadmin: ExtendTrial: the zoid is empty")
	}
	_, err := c.call(ctx, request{
		service: serviceMailAdmin, method: http.MethodPut, path: extendTrialRoute(zoid), once: true, scope: scopeOrgUpdate,
	})
	return err
}
