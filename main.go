// Command terraform-provider-iamguard serves the iamguard Terraform provider.
package main

import (
	"context"
	"flag"
	"fmt"
	"log"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"

	"github.com/iamguard/terraform-provider-iamguard/internal/provider"
)

// Set at release time with -ldflags "-X main.version=... -X main.commit=...
// -X main.date=..." (see .goreleaser.yml). The version reaches Terraform and
// the user agent of every AWS call.
var (
	version = "dev"
	commit  = "none"
	date    = "unknown"
)

func main() {
	var debug, showVersion bool
	flag.BoolVar(&debug, "debug", false, "run the provider with support for debuggers like delve")
	flag.BoolVar(&showVersion, "version", false, "print the version and exit")
	flag.Parse()
	if showVersion {
		fmt.Printf("terraform-provider-iamguard %s (commit %s, committed %s)\n", version, commit, date)
		return
	}

	err := providerserver.Serve(context.Background(), provider.New(version), providerserver.ServeOpts{
		Address: "registry.terraform.io/iamguard/iamguard",
		Debug:   debug,
	})
	if err != nil {
		log.Fatal(err)
	}
}
