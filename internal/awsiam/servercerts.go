package awsiam

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/iam/types"
	"golang.org/x/sync/errgroup"
)

// ServerCertificatesAPI is the part of the IAM client ServerCertificates needs.
type ServerCertificatesAPI interface {
	iam.ListServerCertificatesAPIClient
	GetServerCertificate(context.Context, *iam.GetServerCertificateInput, ...func(*iam.Options)) (*iam.GetServerCertificateOutput, error)
}

// ServerCertificate is one IAM server certificate: its metadata from the
// listing and its public material from GetServerCertificate. IAM never
// returns the private key. Body is "" when Gap says it could not be read.
type ServerCertificate struct {
	Name, ID, ARN, Path  string
	Uploaded, Expiration time.Time
	Body, Chain          string // public PEM; never shown by iamguard
	Gap                  *Gap
}

// ServerCertificates lists every server certificate under pathPrefix
// ("" for all), every page, keeps those whose name keep accepts (nil keeps
// all), and reads each one's body and chain, at most MaxInFlight calls at
// once. Certificates come back ordered by name.
//
// A denied or throttled GetServerCertificate leaves that certificate with
// its metadata and a Gap; a failed listing, or any other failure, is err.
func ServerCertificates(ctx context.Context, api ServerCertificatesAPI, pathPrefix string, keep func(name string) bool) ([]ServerCertificate, error) {
	return ServerCertificatesJudged(ctx, api, pathPrefix, keep, nil)
}

// ServerCertificatesJudged is ServerCertificates with judge, when not nil,
// called for each certificate as it is read, one at a time, before it
// joins the others: it may judge the certificate and drop its Body and
// Chain, so that the material is not all held at once (500 certificates
// with chains of 2 MiB, IAM's limit, held 2.1 GB; round 138).
func ServerCertificatesJudged(ctx context.Context, api ServerCertificatesAPI, pathPrefix string, keep func(name string) bool,
	judge func(*ServerCertificate)) ([]ServerCertificate, error) {
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(MaxInFlight) // bounds goroutines; lim bounds calls
	lim := newLimiter()
	var (
		mu    sync.Mutex
		certs []ServerCertificate
	)
	in := &iam.ListServerCertificatesInput{MaxItems: aws.Int32(1000)} // IAM's largest page
	if pathPrefix != "" {
		in.PathPrefix = aws.String(pathPrefix)
	}
	p := iam.NewListServerCertificatesPaginator(api, in)
	err := allPages(gctx, lim, "ListServerCertificates", p,
		func(page *iam.ListServerCertificatesOutput) (bool, *string, []types.ServerCertificateMetadata) {
			return page.IsTruncated, page.Marker, page.ServerCertificateMetadataList
		},
		func(m types.ServerCertificateMetadata) *string { return m.ServerCertificateName },
		func(m types.ServerCertificateMetadata) {
			c := serverCertificate(m)
			if keep != nil && !keep(c.Name) {
				return
			}
			g.Go(func() error {
				var out *iam.GetServerCertificateOutput
				err := lim.do(gctx, func() (err error) {
					out, err = api.GetServerCertificate(gctx, &iam.GetServerCertificateInput{ServerCertificateName: aws.String(c.Name)})
					return err
				})
				switch {
				case err != nil:
					gap, err := gapOf(c.Name, fmt.Sprintf("server certificate %q", c.Name), "GetServerCertificate", err)
					if err != nil {
						return err
					}
					c.Gap = gap
				case out.ServerCertificate != nil:
					c.Body = aws.ToString(out.ServerCertificate.CertificateBody)
					c.Chain = aws.ToString(out.ServerCertificate.CertificateChain)
				}
				mu.Lock()
				defer mu.Unlock()
				if judge != nil {
					judge(&c)
				}
				certs = append(certs, c)
				return nil
			})
		})
	if err != nil {
		if werr := g.Wait(); werr != nil {
			return nil, werr // a worker failed first and cancelled the listing
		}
		return nil, wrap("ListServerCertificates", err)
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	slices.SortFunc(certs, func(a, b ServerCertificate) int { return strings.Compare(a.Name, b.Name) })
	return certs, nil
}

func serverCertificate(m types.ServerCertificateMetadata) ServerCertificate {
	return ServerCertificate{
		Name:       aws.ToString(m.ServerCertificateName),
		ID:         aws.ToString(m.ServerCertificateId),
		ARN:        aws.ToString(m.Arn),
		Path:       aws.ToString(m.Path),
		Uploaded:   aws.ToTime(m.UploadDate).UTC(),
		Expiration: aws.ToTime(m.Expiration).UTC(),
	}
}
