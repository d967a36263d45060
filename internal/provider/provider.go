// Package provider is the Terraform glue: the iamguard provider, its data
// sources and its functions. Judgement lives in internal/rules.
package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
)

var _ provider.Provider = (*iamguardProvider)(nil)

type iamguardProvider struct{ version string }

// New returns a constructor for the provider, as providerserver.Serve wants.
func New(version string) func() provider.Provider {
	return func() provider.Provider { return &iamguardProvider{version: version} }
}

func (p *iamguardProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "iamguard"
	resp.Version = p.version
}

func (p *iamguardProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "Reports the IAM compliance of the live AWS account and evaluates IAM values offline.",
	}
}

func (p *iamguardProvider) Configure(context.Context, provider.ConfigureRequest, *provider.ConfigureResponse) {
}

func (p *iamguardProvider) DataSources(context.Context) []func() datasource.DataSource { return nil }

func (p *iamguardProvider) Resources(context.Context) []func() resource.Resource { return nil }
