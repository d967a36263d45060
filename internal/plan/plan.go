// Package plan reads the JSON form of a Terraform plan (terraform show -json)
// as a stream, keeping only the resources the linter judges: their changes,
// their prior-state values and which attributes their configuration sets.
// Memory stays bounded by the kept resources, not by the size of the plan.
package plan

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"maps"
	"math/bits"
	"path"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
	"unsafe"

	tfjson "github.com/hashicorp/terraform-json"

	"github.com/iamguard/terraform-provider-iamguard/internal/quote"
)

// Plan is the part of a Terraform plan the linter reads.
type Plan struct {
	FormatVersion    string
	TerraformVersion string
	Timestamp        string

	// Changes are the managed resource changes of kept types, in plan order.
	Changes []*Change
	// Prior are the managed resources of kept types in prior_state that
	// resource_changes does not list: a plan from Terraform lists every
	// resource, but a targeted or hand-made one may not. A resource with a
	// change is known from its change's before side.
	Prior []Resource
	// Drift are the kept entries of resource_drift: the changes made
	// outside Terraform that refreshing found, each an update or a delete
	// from the state written to the object as it is. Applying the plan
	// accepts each one that its changes do not undo.
	Drift []*Change
	// Resources counts every managed resource change in the plan.
	Resources int
	// Kept counts the resources kept of the types asked for, changes and
	// prior state, as MaxResources counts them.
	Kept int

	// configured maps a configuration resource (its module, and type.name
	// within it) to how its configuration sets the attributes the rules
	// read; nil when the plan has no configuration block. Modules are
	// numbered, root 0, so that memory stays linear however deep
	// module_calls nest.
	configured map[resourceKey]Settings
	modules    map[configKey]int      // a module call: its parent's number and name
	sourceRefs []string               // the references of each source, by its number (see AttrSetting)
	providers  map[resourceKey]string // the provider configuration a resource uses ("aws.prod")
	regions    map[string]string      // a provider configuration's region, where the configuration shows it
	// blocksWithheld: the configuration resources whose nested blocks may
	// read a module's output declared sensitive through a dynamic block,
	// which the plan does not show (see resolveConfig).
	blocksWithheld map[resourceKey]bool
	// AWSAccounts counts the accounts the configuration's provider
	// configurations of the AWS provider (the root's, aliases, modules'
	// own) may be: those that give their credentials and roles the same
	// constants are one (see addAccount), whatever their regions.
	AWSAccounts int
	// AWSAccountsAlike counts them as AccountAlike does.
	AWSAccountsAlike int
	accounts, alike  map[string]string // each AWS provider configuration's account, and alike (see addAccount)
}

// resourceKey names a configuration resource within a numbered module.
type resourceKey struct {
	module    int
	typ, name string
}

func (k resourceKey) compare(o resourceKey) int {
	return cmp.Or(cmp.Compare(k.module, o.module), strings.Compare(k.typ, o.typ), strings.Compare(k.name, o.name))
}

// configKey names a module call within a numbered module.
type configKey struct {
	module int
	name   string
}

// Change is a kept entry of resource_changes: what names the resource, and
// of its change the actions and the kept attributes of each side. A side is
// an Object, or a plain value: null, or true for an object wholly unknown
// or sensitive. It is terraform-json's ResourceChange cut to what the
// linter reads, so that a plan of many kept changes stays small.
type Change struct {
	Address, ModuleAddress, Type, Name string
	DeposedKey                         string // set for a deposed object
	Actions                            tfjson.Actions
	Before, After, AfterUnknown        any
	BeforeSensitive, AfterSensitive    any
	// Now is the object as it is now where a refresh found it changed
	// outside Terraform and Before is composed with the state as written
	// (the linter composes it); else nil, and Before is as it is now.
	Now any
	// Drifted: a refresh found it changed outside Terraform, and the
	// change is a delete, whose Before Terraform gives as the state was
	// written when the configuration no longer has the object: what it is
	// now is not shown (the linter sets it).
	Drifted bool
	Line    int  // where the entry starts in the plan file (1 for one-line JSON)
	inPrior bool // prior_state's entry for it has been read (see markSensitive)
}

// Resource is a resource instance from prior_state.
type Resource struct {
	Address string
	// ModuleAddress and Name place it in the configuration, as a change's
	// do (see Plan.Provider).
	ModuleAddress, Name string
	// DeposedKey is set for a deposed object: one that has been replaced
	// but not yet destroyed, a second object at the address.
	DeposedKey string
	Type       string
	Values     Object
	// Sensitive is the resource's sensitive_values: true for a wholly
	// sensitive object, else an Object with the marks of Values.
	Sensitive any
}

// Limits on what is kept: a kept resource's change (certificates and keys
// included) and any one string the reader decodes.
const (
	maxChange = 32 << 20
	maxString = 64 << 10
)

// ErrNotPlan is wrapped by errors for input that is JSON but not a plan.
var ErrNotPlan = errors.New("not a Terraform plan")

// ErrState is wrapped, with ErrNotPlan, by the error for a Terraform state
// (terraform show -json without a plan file): refused wherever it is found,
// where a search of a directory passes over other JSON that is not a plan
// (round 305: a state in a directory was passed over, exit 0).
var ErrState = errors.New("this is a Terraform state, not a plan")

// emptyState is the error for JSON of format_version alone: a state
// without resources, as terraform show -json writes one, which
// providers schema -json of a configuration without providers reads as. It
// is ErrState all the same.
type emptyState struct{}

func (emptyState) Error() string {
	return "a Terraform state without resources, or other JSON of Terraform's that names format_version alone " +
		"(providers schema -json of a configuration without providers), not a plan"
}

func (emptyState) Is(target error) bool { return target == ErrState }

// Option tunes Read.
type Option func(*reader)

// Attributes keeps, of each kept resource, only the attributes that attrs
// lists for its type (every attribute when it lists none). The rest of a
// change is skipped as it is read, so memory and time follow what is
// judged, not what the plan holds.
func Attributes(attrs func(resourceType string) []string) Option {
	return func(rd *reader) { rd.attrs = attrs }
}

// MaxResources bounds the resources a plan may keep: its changes of kept
// types and the resources kept from prior state, n in all, less earlier
// (those a run's earlier plans kept). A plan past it is refused.
func MaxResources(n, earlier int) Option {
	return func(rd *reader) { rd.maxResources, rd.earlier = n, earlier }
}

// tooMany is the error for a plan past the limit of MaxResources.
type tooMany struct{ limit int }

func (e *tooMany) Error() string {
	return fmt.Sprintf("past %d resources of the types iamguard reads, the most it reads in one run", e.limit)
}

// count adds a kept resource to the plan's count.
func (rd *reader) count() error {
	if rd.counted++; rd.maxResources > 0 && rd.earlier+rd.counted > rd.maxResources {
		return &tooMany{rd.maxResources}
	}
	return nil
}

// Read parses a plan from r, keeping the resources whose type keep accepts.
func Read(r io.Reader, keep func(resourceType string) bool, opts ...Option) (*Plan, error) {
	s := newScanner(r)
	c, ok := s.peek()
	if !ok {
		if s.rerr != io.EOF {
			return nil, s.rerr
		}
		return nil, fmt.Errorf("empty input: expected a plan from terraform show -json")
	}
	if c != '{' {
		found := describe(c) // a byte, not a JSON value: the input need not be JSON
		if c >= 0x20 && c < 0x7f {
			found = fmt.Sprintf("%q", c)
		}
		return nil, fmt.Errorf("not JSON: a plan from terraform show -json starts with '{', found %s%s", found, s.wrapperHint())
	}
	rd := reader{s: s, keep: keep, p: &Plan{}, kept: map[string]bool{}, wanted: map[string]wanted{}, versionsOnly: true,
		names: map[string]string{}, actionLists: map[string]tfjson.Actions{}, strs: map[string]any{}, seed: maphash.MakeSeed()}
	for _, o := range opts {
		o(&rd)
	}
	err := rd.top()
	rd.dropPriorWithChanges()
	if rd.resolveConfig() {
		rd.markSecrets()
	}
	rd.p.Kept = rd.counted
	if err == nil {
		err = rd.duplicate
	}
	if err == nil {
		err = duplicatePrior(rd.p.Prior)
	}
	if err == nil {
		err = rd.checkDrift()
	}
	if err != nil {
		var tl *tooLarge
		switch {
		case errors.As(err, &tl):
			return nil, fmt.Errorf("value near byte %d is %v", s.offset(), tl)
		case errors.Is(err, errTooMuchKept):
			return nil, fmt.Errorf("value near byte %d is %v", s.offset(), errTooMuchKept)
		case errors.Is(err, errTooManyKept):
			return nil, fmt.Errorf("value near byte %d is %v", s.offset(), errTooManyKept)
		case errors.Is(err, errTooManyNested):
			return nil, fmt.Errorf("value near byte %d is %v", s.offset(), errTooManyNested)
		case errors.As(err, new(*tooMany)):
			return nil, fmt.Errorf("the resource near byte %d takes the plan %v", s.offset(), err)
		}
		return nil, err
	}
	return rd.p, nil
}

type reader struct {
	s    *scanner
	keep func(string) bool
	p    *Plan

	isPlan, isState bool
	versionsOnly    bool // no top-level key but format_version and terraform_version
	scratch         []byte
	elem            element
	kept            map[string]bool // keep's answer per raw type

	attrs     func(string) []string // see Attributes; nil keeps all
	wanted    map[string]wanted     // attrs' answer per raw type
	keptBytes int                   // raw bytes of the values kept so far
	keptCost  int                   // and with keptValueCost for each value

	changed   map[string]*Change // the kept changes by address, deposed objects left out (see indexChanges)
	deposed   map[string]*Change // the deposed objects with a change (see deposedID)
	indexed   int                // changes in changed so far
	duplicate error              // an address listed twice
	names     map[string]string  // interned types and names

	actionLists map[string]tfjson.Actions // decoded action lists by their raw JSON
	strs        map[string]any            // see boxString
	recentStrs  [8]any                    // see boxString
	recentNext  int                       // the next of recentStrs to replace
	addrScratch []byte                    // see changeAt
	nested      int                       // values nested in kept attributes so far

	maxResources, earlier, counted int    // see MaxResources
	section                        string // the list change reads entries of, when not resource_changes (see drift)
	inDeferred                     bool   // change reads a change of deferred_changes

	config map[resourceKey]configResource // the configuration block as read, until resolveConfig
	// calls has each numbered module's call, rootVars the root input
	// variables the plan shows a value of, and known what resolveConfig
	// has found known (see knownRefs).
	calls    map[int]moduleCall
	rootVars map[string]bool // true: the plan shows a value
	// rootDeclared has the root input variables the configuration declares.
	rootDeclared map[string]bool
	known        map[knownKey]knownState // see knownValue
	knownOutputs map[configKey]bool      // the outputs that read only constants and local values (see moduleOutputs)
	// deferred has the data sources the plan reads at apply, by module
	// path and name (see deferData); readAtApply the same by numbered
	// module, from resolveConfig on.
	deferred    map[string]bool
	readAtApply map[configKey]bool
	// instances notes each managed resource's instances (see
	// instanceKeys), under keys chained with seed (see chainKey).
	instances instanceKeys
	seed      maphash.Seed
	// numbered has what is kept of each numbered module, by its number.
	numbered []module
	// secretOutputs has each module output declared sensitive, and under
	// "" whether a module has any (see readsSecret).
	secretOutputs map[configKey]bool
	// secretSources has the other nodes that are secret themselves (see
	// readsSecret): the input variables declared sensitive, and the local
	// values of a module that declares one or reads a terraform_remote_state.
	secretSources map[secretNode]bool
	// markedModules has the module paths (as moduleOf gives them) of the
	// objects of types no rule reads that the plan marks sensitive in part
	// (see markedObject).
	markedModules map[string]bool
	// userNames has each aws_iam_user's name and for_each, by its module
	// and name, for the walk ('u' nodes), from resolveConfig on.
	userNames map[configKey]userName
	secrets   *secretWalk // see readsSecret
	// blockDepth counts the nested blocks of the configuration being read,
	// whose expressions are hashed (expr.text) into constScratch.
	blockDepth   int
	constScratch []byte
	callsHeld    []byte         // see hold
	probe        scanner        // see hold
	resource     configResource // see configResource
	callPaths    []*modulePath  // see enterCall
	callDepth    int
	passed       map[configKey]passed // see passedOn
	shown        map[configKey]bool   // see onlyShown
	regions      map[string]string    // each provider configuration's constant region, the plan's from resolveConfig on
	accountIDs   map[string]bool      // the accounts of Plan.accounts and Plan.alike, each once
	accountNames map[string]string    // each account's arguments, and its short name (see internAccount)
}

func (rd *reader) top() error {
	s, p := rd.s, rd.p
	err := s.fields("plan", func(key []byte) error {
		if k := string(key); k != "format_version" && k != "terraform_version" {
			rd.versionsOnly = false
		}
		switch string(key) {
		case "format_version":
			if err := short(rd.str(&p.FormatVersion), p.FormatVersion); err != nil {
				return named("format_version", err)
			}
			return checkVersion(p.FormatVersion)
		case "terraform_version":
			return named("terraform_version", short(rd.str(&p.TerraformVersion), p.TerraformVersion))
		case "timestamp":
			return named("timestamp", short(rd.str(&p.Timestamp), p.Timestamp))
		case "errored":
			// terraform plan -out writes a plan that stopped at an error,
			// with only the changes planned before it: judged, the ones
			// left out would pass, and a plan without any would be taken
			// for a refresh-only one (round 246: exit 0). Anything but
			// false or null is taken as true.
			v, err := rd.value()
			if err == nil && v != nil && v != false {
				err = errors.New("the plan is errored: Terraform stopped planning at an error and may have left changes out; fix the error and plan again")
			}
			return err
		case "resource_changes":
			rd.isPlan = true
			err := s.array("resource_changes", rd.change)
			rd.instances.trim(rd)
			return err
		case "resource_drift":
			rd.isPlan = true
			return rd.drift()
		case "deferred_changes":
			// Changes Terraform plans but applies in a later round (a
			// provider's configuration or a for_each unknown yet): judged
			// as any change, or a plan deferring its weak changes passed
			// (round 163).
			rd.isPlan = true
			return s.array("deferred_changes", func() error {
				return s.fields("deferred_changes[]", func(key []byte) error {
					if string(key) != "resource_change" {
						return s.skip()
					}
					rd.inDeferred = true
					defer func() { rd.inDeferred = false }()
					return rd.change()
				})
			})
		case "planned_values", "output_changes":
			rd.isPlan = true
		case "prior_state":
			rd.isPlan = true // a state's objects are its values, not a prior state
			return s.fields("prior_state", func(key []byte) error {
				if string(key) != "values" {
					return s.skip()
				}
				return s.fields("prior_state.values", func(key []byte) error {
					if string(key) != "root_module" {
						return s.skip()
					}
					return rd.priorModule()
				})
			})
		case "configuration":
			rd.config, rd.p.modules, rd.numbered = map[resourceKey]configResource{}, map[configKey]int{}, []module{{}} // the root
			rd.knownOutputs, rd.secretOutputs, rd.secretSources = map[configKey]bool{}, map[configKey]bool{}, map[secretNode]bool{}
			return s.fields("configuration", func(key []byte) error {
				switch string(key) {
				case "root_module":
					return rd.configModule(&modulePath{id: 0})
				case "provider_config":
					return rd.providerConfig()
				}
				return s.skip()
			})
		case "variables":
			held := 0 // kept, whatever modules are numbered
			return rd.variables(nil, &rd.rootVars, &held, "value")
		case "values", "lineage", "serial":
			rd.isState = true
		}
		return s.skip()
	})
	if err != nil {
		return err
	}
	if err := s.finish(); err != nil {
		return err
	}
	switch {
	case !rd.isPlan && rd.isState:
		return fmt.Errorf("%w: %w (run terraform show -json on a saved plan file)", ErrNotPlan, ErrState)
	case !rd.isPlan && rd.versionsOnly && p.FormatVersion != "":
		// A state with no resources is its versions alone (round 306:
		// {"format_version":"1.0"} passed as another tool's file), as is
		// providers schema -json of a configuration without providers
		// (round 308), which cannot be told from it.
		return fmt.Errorf("%w: %w (run terraform show -json on a saved plan file)", ErrNotPlan, emptyState{})
	case !rd.isPlan:
		return fmt.Errorf("%w: no resource_changes or planned_values found", ErrNotPlan)
	case p.FormatVersion == "":
		// Shaped as a plan, so not skipped as other JSON may be: refused.
		return errors.New("format_version is missing: Terraform writes it in every plan")
	}
	return nil
}

// maxHeader bounds the plan's header strings (a Terraform version, a
// timestamp), which each report of a run over several plans keeps.
const maxHeader = 64

// short refuses a header string past maxHeader bytes.
func short(err error, s string) error {
	if err == nil && len(s) > maxHeader {
		return fmt.Errorf("longer than %d bytes", maxHeader)
	}
	return err
}

// named prefixes a member's name to its error, if any.
func named(name string, err error) error {
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// checkVersion accepts the plan formats iamguard understands: 0.x and 1.x.
func checkVersion(v string) error {
	major, _, _ := strings.Cut(v, ".")
	if major == "0" || major == "1" {
		return nil
	}
	return fmt.Errorf("unsupported plan format_version %q: iamguard reads 0.x and 1.x", v)
}

// str decodes a string value (or null) into dst.
func (rd *reader) str(dst *string) error {
	raw, err := rd.s.capture(rd.scratch[:0], maxString)
	rd.scratch = raw
	if err != nil {
		return err
	}
	return decodeString(raw, dst)
}

func decodeString(raw []byte, dst *string) error {
	if len(raw) >= 2 && raw[0] == '"' && raw[len(raw)-1] == '"' && !hasEscape(raw) {
		*dst = string(raw[1 : len(raw)-1])
		return nil
	}
	if len(raw) == 0 {
		return errors.New("expected a string, found nothing")
	}
	if s, ok := unquoteQuotes(raw); ok {
		*dst = s
		return nil
	}
	if err := json.Unmarshal(raw, dst); err != nil {
		if raw[0] == '"' {
			return errors.New("a string that is not valid JSON (a raw control character, or a bad escape)")
		}
		return fmt.Errorf("expected a string, found %s", describe(raw[0]))
	}
	return nil
}

// unquoteQuotes decodes an ASCII JSON string whose only escapes are \" and
// \\, as every module instance key in an address has; ok is false for any
// other string.
func unquoteQuotes(raw []byte) (string, bool) {
	b, ok := appendUnquoted(make([]byte, 0, len(raw)), raw)
	return string(b), ok
}

// appendUnquoted appends raw decoded as unquoteQuotes does.
func appendUnquoted(dst, raw []byte) ([]byte, bool) {
	if len(raw) < 2 || raw[0] != '"' || raw[len(raw)-1] != '"' {
		return dst, false
	}
	raw = raw[1 : len(raw)-1]
	for _, c := range raw {
		if c < 0x20 || c >= utf8.RuneSelf { // encoding/json decides
			return dst, false
		}
	}
	for len(raw) > 0 {
		i := bytes.IndexAny(raw, `"\`)
		if i < 0 {
			return append(dst, raw...), true
		}
		if raw[i] == '"' || i+1 == len(raw) || raw[i+1] != '"' && raw[i+1] != '\\' {
			return dst, false
		}
		dst = append(append(dst, raw[:i]...), raw[i+1])
		raw = raw[i+2:]
	}
	return dst, true
}

func hasEscape(raw []byte) bool {
	for _, c := range raw {
		if c == '\\' || c < 0x20 {
			return true
		}
	}
	return false
}

// element holds the raw fields of one resource entry until its type says
// whether to keep it; the buffers are reused for every element.
type element struct {
	address, mode, typ, deposed, body, sensitive []byte
	line                                         int

	// Read as they stream by when the type came first (Terraform's order)
	// and Attributes filters it; body and sensitive stay empty then.
	change           *Change
	values           Object
	sensitiveValues  any
	streamed, sensed bool
	// noop: the change of a type not kept, skipped, has the actions
	// ["no-op"] (see skipChange); marked: the plan marks some of that
	// object's values sensitive (see markedObject).
	noop, marked bool
}

func (e *element) reset() {
	e.address, e.mode, e.typ = e.address[:0], e.mode[:0], e.typ[:0]
	e.deposed, e.body = e.deposed[:0], e.body[:0]
	e.sensitive = e.sensitive[:0]
	e.change, e.values, e.sensitiveValues, e.streamed, e.sensed, e.noop, e.marked = nil, nil, nil, false, false, false, false
}

// element fills e from a resource object; bodyKey names the member holding the
// resource's data ("change" or "values"), captured only for kept types.
func (rd *reader) element(e *element, name, bodyKey string) error {
	s := rd.s
	e.reset()
	// A loop rather than s.object: this runs for every resource, and a
	// closure here would cost an allocation each time.
	more, err := s.beginObject(name)
	seen := 0 // the keys read so far, a bit each
	for more && err == nil {
		if err = s.readKey(); err != nil {
			break
		}
		if err = s.spelled(name, s.key); err != nil {
			break
		}
		// Each key read below may come once: a second "type" would change
		// what the first kept.
		field := s.key
		key := elementKey(string(field), bodyKey)
		if seen&key != 0 {
			return duplicateKey(s)
		}
		seen |= key
		var dst *[]byte
		switch string(field) {
		case "address":
			dst = &e.address
		case "mode":
			dst = &e.mode
		case "type":
			dst = &e.typ
		case "deposed", "deposed_key":
			if deposedKey(bodyKey) == string(field) {
				dst = &e.deposed
			} else {
				err = s.skip() // the other entry's name, which terraform-json does not read here
			}
		case bodyKey:
			// Terraform writes type before the body; a body that comes
			// first is kept whole until the type is known.
			switch want := rd.wantedRaw(e.typ); {
			case len(e.typ) > 0 && !rd.keepRaw(e.typ) && bodyKey == "change":
				e.noop, e.marked, err = rd.skipChange()
			case len(e.typ) > 0 && !rd.keepRaw(e.typ):
				err = s.skip()
			case bodyKey == "values" && rd.hasChange(e.address):
				// Its change tells all, unless the entry turns out to be a
				// deposed object (deposed_key comes after the values): kept
				// as bytes, read only then.
				if e.body, err = s.capture(e.body[:0], maxChange); err == nil {
					err = rd.keepBytes(len(e.body))
				}
			case want != nil && bodyKey == "change":
				e.change, e.streamed = &Change{}, true
				err = rd.changeBody(e.change, want)
			case want != nil:
				e.streamed = true
				e.values, err = rd.object(want, false)
			default:
				if e.body, err = s.capture(e.body[:0], maxChange); err == nil {
					err = rd.keepBytes(len(e.body))
				}
			}
		case "sensitive_values": // prior_state only; a change carries its own
			switch want := rd.wantedRaw(e.typ); {
			case bodyKey != "values":
				err = s.skip()
			case len(e.typ) > 0 && !rd.keepRaw(e.typ):
				e.marked, err = rd.skipMarks()
			case want != nil:
				e.sensed = true
				err = rd.side(&e.sensitiveValues, want, true)
			default:
				if e.sensitive, err = s.capture(e.sensitive[:0], maxChange); err == nil {
					err = rd.keepBytes(len(e.sensitive))
				}
			}
		default:
			err = s.skip()
		}
		if dst != nil {
			*dst, err = s.capture((*dst)[:0], maxString)
		}
		if err == nil {
			more, err = s.more('}')
		}
	}
	return err
}

// elementKey gives each key of a resource entry that element reads a bit
// of its own, and 0 to the others.
func elementKey(key, bodyKey string) int {
	switch key {
	case "address":
		return 1
	case "module_address":
		return 2
	case "mode":
		return 4
	case "type":
		return 8
	case "name":
		return 16
	case deposedKey(bodyKey):
		return 32
	case bodyKey:
		return 64
	case "sensitive_values":
		return 128
	}
	return 0
}

// deposedKey names the key of a deposed object's key, as terraform-json
// reads it: "deposed" in resource_changes, "deposed_key" in prior_state.
func deposedKey(bodyKey string) string {
	if bodyKey == "change" {
		return "deposed"
	}
	return "deposed_key"
}

// release gives back to the kept bytes what element captured of an entry
// that turns out not to be kept (its body came before its type).
func (rd *reader) release(e *element) {
	rd.releaseBytes(len(e.body) + len(e.sensitive))
}

// duplicateKey is the error for a resource entry that gives a key the
// reader reads twice. encoding/json would take the last; Terraform never
// writes one, and reading both ways would let one plan be judged as two.
func duplicateKey(s *scanner) error {
	return fmt.Errorf("a resource near byte %d gives %q twice; Terraform never does", s.offset(), s.key)
}

// keepRaw applies keep to a raw JSON string, remembering the answer per
// type so that the common case allocates nothing.
func (rd *reader) keepRaw(typ []byte) bool {
	if k, ok := rd.kept[string(typ)]; ok {
		return k
	}
	var t string
	k := decodeString(typ, &t) == nil && rd.keep(t)
	if len(rd.kept) < 1024 { // bounded whatever the input holds
		rd.kept[string(typ)] = k
	}
	return k
}

// managed reports whether a resource entry is of a managed resource: its
// mode says so, or is missing, null or empty, as encoding/json reads alike.
// A mode other than managed or data, or a type that is not a string, is an
// error: a reader such as terraform-json refuses a plan with either, and
// skipping the entry would hide the resource.
func (e *element) managed() (bool, error) {
	if len(e.typ) > 0 && e.typ[0] != '"' && string(e.typ) != "null" || hasEscape(e.typ) && !isString(e.typ) {
		return false, errors.New("its type is not a string")
	}
	switch string(e.mode) {
	case "", "null", `"managed"`, `""`:
		return true, nil
	case `"data"`, `"ephemeral"`:
		return false, nil
	}
	return modeOf(e.mode)
}

// deferData notes a data source that resource_changes lists: Terraform
// lists one it reads at apply (its configuration reads a value known only
// then, or it depends on a change), and none it read while planning. An
// address Terraform never writes is passed over: its data source counts
// as read at plan, the stricter reading.
func (rd *reader) deferData(e *element) error {
	var mode, addr string
	if decodeString(e.mode, &mode) != nil || mode != "data" || decodeString(e.address, &addr) != nil {
		return nil
	}
	module, ok := moduleOf(addr) // module.m["k"].data of module.m["k"].data.aws_arn.x[0]
	if !ok || module != "data" && !strings.HasSuffix(module, ".data") {
		return nil
	}
	typ, rest, _ := strings.Cut(addr[len(module)+1:], ".")
	name, _, ok := refName(rest)
	if !ok {
		return nil
	}
	return rd.noteKey(&rd.deferred, strings.TrimSuffix(strings.TrimSuffix(module, "data"), ".")+"\x00data."+typ+"."+name)
}

// noteKey adds k to the set *set once, counting it against the kept bytes.
func (rd *reader) noteKey(set *map[string]bool, k string) error {
	if (*set)[k] {
		return nil
	}
	if err := rd.keepBytes(len(k) + 16); err != nil {
		return err
	}
	if *set == nil {
		*set = map[string]bool{}
	}
	(*set)[k] = true
	return nil
}

// skipChange skips the change of a resource whose type is not kept,
// telling whether its actions are ["no-op"] (see noteManaged). Actions it
// cannot read are no no-op; they are not refused, as the change is not
// judged.
func (rd *reader) skipChange() (noop, marked bool, err error) {
	s := rd.s
	// A loop rather than s.object, as in element: this runs for most
	// resources of a large plan.
	more, err := s.beginObject("change")
	for more && err == nil {
		if err = s.readKey(); err != nil {
			break
		}
		if err = s.spelled("change", s.key); err != nil {
			break
		}
		switch string(s.key) {
		case "before_sensitive", "after_sensitive":
			var m bool
			m, err = rd.skipMarks()
			marked = marked || m
		case "actions":
			if rd.scratch, err = s.capture(rd.scratch[:0], maxString); err != nil {
				break
			}
			var a tfjson.Actions
			noop = rd.actions(rd.scratch, &a) == nil && a.NoOp() // the last "actions" counts, as JSON readers see it
		default:
			err = s.skip()
		}
		if err == nil {
			more, err = s.more('}')
		}
	}
	return noop, marked, err
}

// skipMarks skips a value of sensitivity marks, telling whether it marks
// anything: holds a true.
func (rd *reader) skipMarks() (marked bool, err error) {
	trues := rd.s.trues
	err = rd.s.skip()
	return rd.s.trues > trues, err
}

// markedObject notes the module of an object of a type no rule reads that
// the plan marks sensitive in part. An attribute of it that the provider
// computes from a marked value (a data source's json, a terraform_data's
// output) comes unmarked, and any local value or object of its module may
// read it: the module is a secret source (see readsSecret; round 292: an
// access key's secret printed as a user's name).
func (rd *reader) markedObject(raw []byte) error {
	var addr string
	if decodeString(raw, &addr) != nil {
		return nil
	}
	module, ok := moduleOf(addr)
	if !ok {
		return nil
	}
	return rd.noteKey(&rd.markedModules, strings.TrimSuffix(strings.TrimSuffix(module, "data"), "."))
}

// bodyNoOp reports whether a change captured whole has the actions
// ["no-op"], and whether it marks anything, as skipChange reads them.
func (rd *reader) bodyNoOp(body []byte) (noop, marked bool) {
	err := rd.within(body, func() (err error) {
		noop, marked, err = rd.skipChange()
		return err
	})
	return err == nil && noop, err != nil || marked
}

// Each managed resource of the configuration, by its module (calls, keys
// aside), type and name, is noted among the resources resource_changes
// lists an instance of as a no-op, or as otherwise, and among those whose
// configuration has count or for_each: one it lists only as no-ops, or
// none of, with count or for_each, is known when Terraform plans, as a data
// source it read then is (see knownRefs). A deferred change is never a
// no-op. Each list holds hashed keys (see instanceKey), appended as they
// come and sorted once read (see trim): a map of them cost a plan of
// 100,000 other resources a fifth more time.
type instanceKeys struct{ noops, changed, counted []uint64 }

// noteManaged notes the action of one instance of a managed resource. An
// address Terraform never writes is passed over: the other instances
// decide. A deposed object is not noted: no reference reads it (round 213:
// one left by a failed replacement, destroyed now, made its resource
// unknown).
func (rd *reader) noteManaged(addr string, noop bool) error {
	if rd.section != "" {
		return nil // drift: the object as the state had it
	}
	var m uint64 // the module's key: each call's name chained to its caller's
	_, typ, name, ok := resourceOf(addr, func(call string) { m = rd.chainKey(m, call) })
	if !ok {
		return nil
	}
	k := rd.instanceKey(m, typ, name)
	if noop && !rd.inDeferred {
		return rd.addKey(&rd.instances.noops, k)
	}
	return rd.addKey(&rd.instances.changed, k)
}

// transientAddress decodes a resource's raw address into a string that
// shares its bytes with the reader's scratch buffer: valid only until the
// next call, and never kept (noteManaged hashes it). Most resources of a
// large plan are noted this way, so no string is made for each.
func (rd *reader) transientAddress(raw []byte) (string, bool) {
	a, ok := appendUnquoted(rd.addrScratch[:0], raw)
	if !ok {
		var s string
		return s, decodeString(raw, &s) == nil
	}
	rd.addrScratch = a
	return unsafe.String(unsafe.SliceData(a), len(a)), true
}

// noteCounted notes a managed resource whose configuration gives it count
// or for_each, or that is in a module called with either: one the plan
// lists no instance of has none, and is known when Terraform plans
// (one(terraform_data.x[*].output) of count = 0, one(module.m[*].x) of a
// module of count = 0; round 227: the module's was unknown). One without
// either has one instance, which a plan that lists none leaves out: what
// it holds is not shown.
func (rd *reader) noteCounted(module *modulePath, raw []byte) error {
	var addr string
	if decodeString(raw, &addr) != nil || strings.HasPrefix(addr, "data.") || strings.HasPrefix(addr, "ephemeral.") {
		return nil
	}
	typ, name, _ := strings.Cut(addr, ".")
	return rd.addKey(&rd.instances.counted, rd.instanceKey(module.key, typ, name))
}

// addKey appends k to keys, unless it is the last one (a resource's
// instances come together). A full list of compactFrom keys or more is
// first sorted and compacted, and left at most half full, so that it holds
// each key about three times over at most, at a cost in time of about
// log n a key. The keys held count among the kept bytes, as values do.
func (rd *reader) addKey(keys *[]uint64, k uint64) error {
	l := *keys
	if n := len(l); n > 0 && l[n-1] == k {
		return nil
	}
	if n := len(l); n == cap(l) && n >= compactFrom {
		l = rd.compact(l)
		if len(l) > cap(l)/2 {
			l = slices.Grow(l, cap(l))
		}
	}
	*keys = append(l, k)
	return rd.keepBytes(8)
}

// compactFrom is the length from which a full list is compacted before it
// grows: below it a list only grows, and is sorted once, by trim (sorting
// it each time it filled cost make bench's plan of other resources about
// 15 ms).
const compactFrom = 1 << 17

// compact sorts keys and drops repeats, which count among the kept bytes
// no more.
func (rd *reader) compact(keys []uint64) []uint64 {
	n := len(keys)
	keys = sortKeys(keys)
	rd.releaseBytes(8 * (n - len(keys)))
	return keys
}

// trim compacts each list into one of its own length, for hasKey: the
// room a list grew by, up to three times its keys, is let go while the
// rest of the plan is read.
func (ik *instanceKeys) trim(rd *reader) {
	for _, l := range []*[]uint64{&ik.noops, &ik.changed, &ik.counted} {
		*l = slices.Clone(rd.compact(*l))
	}
}

// sortKeys sorts keys and drops repeats, for hasKey.
func sortKeys(keys []uint64) []uint64 {
	slices.Sort(keys)
	return slices.Compact(keys)
}

// hasKey reports whether sorted keys hold k.
func hasKey(keys []uint64, k uint64) bool {
	_, ok := slices.BinarySearch(keys, k)
	return ok
}

// chainKey hashes a step of a configuration address (a module call's
// name, a resource's type or name) onto the key of what holds it: the
// root module's is 0. A module's key costs one step, however deep it is.
// Each step is hashed with a seed chosen anew each run, so that no plan
// can choose addresses whose keys collide.
func (rd *reader) chainKey(parent uint64, step string) uint64 {
	return maphash.String(rd.seed, step) ^ bits.RotateLeft64(parent*0x9e3779b97f4a7c15, 27)
}

// chainKeyBytes is chainKey of a step held as bytes.
func (rd *reader) chainKeyBytes(parent uint64, step []byte) uint64 {
	return maphash.Bytes(rd.seed, step) ^ bits.RotateLeft64(parent*0x9e3779b97f4a7c15, 27)
}

// instanceKey is the key of resource TYPE.NAME in the module whose key is
// module: a step no module call's name can be (calls hold no NUL), then
// its type and name.
func (rd *reader) instanceKey(module uint64, typ, name string) uint64 {
	return rd.chainKey(rd.chainKey(rd.chainKey(module, "\x00"), typ), name)
}

// modeOf is managed for a mode written with escapes. OpenTofu 1.11 lists
// ephemeral resources among the changes ("open"); nothing stays of them.
func modeOf(raw []byte) (managed bool, err error) {
	var mode string
	if decodeString(raw, &mode) != nil || mode != "managed" && mode != "data" && mode != "ephemeral" && mode != "" {
		return false, errors.New(`its mode is none of "managed", "data" and "ephemeral"`)
	}
	return mode == "managed" || mode == "", nil
}

// isString reports whether raw is a JSON string.
func isString(raw []byte) bool {
	var s string
	return decodeString(raw, &s) == nil
}

// decodeInto decodes the element's names into c. Types, which many
// resources share, are interned: a plan of many resources holds each once.
func (rd *reader) decodeInto(e *element, c *Change) error {
	for _, f := range []struct {
		raw    []byte
		dst    *string
		name   string
		shared bool
	}{
		{e.address, &c.Address, "address", false}, {e.typ, &c.Type, "type", true}, {e.deposed, &c.DeposedKey, "deposed", false},
	} {
		if len(f.raw) == 0 || string(f.raw) == "null" {
			continue
		}
		if s, ok := rd.names[string(f.raw)]; ok && f.shared {
			*f.dst = s
			continue
		}
		if err := decodeString(f.raw, f.dst); err != nil {
			return fmt.Errorf("%s: %w", f.name, err)
		}
		if !f.shared {
			// Addresses are kept like values, and count like them.
			if err := rd.keepBytes(len(*f.dst)); err != nil {
				return err
			}
		}
		if f.shared && len(rd.names) < 1024 { // bounded whatever the input holds
			rd.names[string(f.raw)] = *f.dst
		}
	}
	// The address tells the module and the name, whatever the entry gives
	// for them: terraform-json may omit both (omitempty), and a hand-made
	// plan may give others, which would place it in another configuration.
	module, ok := moduleOf(c.Address)
	if !ok {
		return fmt.Errorf("address %q: not one Terraform writes", quote.Middle(c.Address, 200))
	}
	c.ModuleAddress = module
	rest := strings.TrimPrefix(c.Address[len(c.ModuleAddress):], ".")
	if _, name, ok := strings.Cut(rest, "."); ok {
		c.Name, _, _ = strings.Cut(name, "[")
	}
	return nil
}

// change reads one entry of resource_changes.
func (rd *reader) change() error {
	e := &rd.elem
	if _, ok := rd.s.peek(); ok {
		e.line = rd.s.line()
	}
	section := "resource_changes[]"
	switch {
	case rd.section != "":
		section = rd.section
	case rd.inDeferred:
		section = "deferred_changes[].resource_change"
	}
	if err := rd.element(e, section, "change"); err != nil {
		return err
	}
	managed, err := e.managed()
	if err == nil && (!managed || len(e.typ) == 0 || !rd.keepRaw(e.typ)) {
		if len(e.body) > 0 { // captured before its type came
			e.noop, e.marked = rd.bodyNoOp(e.body)
		}
		if e.marked {
			err = rd.markedObject(e.address)
		}
	}
	if err != nil || !managed {
		if err == nil && rd.section == "" {
			err = rd.deferData(e)
		}
		rd.release(e)
		return rd.badResource(err)
	}
	rd.p.Resources++
	if len(e.typ) == 0 || !rd.keepRaw(e.typ) {
		noop := e.noop
		rd.release(e)
		if len(e.deposed) > 0 && string(e.deposed) != "null" && string(e.deposed) != `""` {
			return nil // see noteManaged
		}
		if a, ok := rd.transientAddress(e.address); ok {
			return rd.noteManaged(a, noop)
		}
		return nil
	}
	c := e.change
	if !e.streamed {
		c = &Change{}
	}
	if err := rd.decodeInto(e, c); err != nil {
		return rd.badResource(err)
	}
	if err := rd.count(); err != nil {
		return err
	}
	if want := rd.wantedRaw(e.typ); !e.streamed && want != nil && len(e.body) > 0 {
		// The change came before the type: its captured bytes are read as
		// a streamed change would be, keeping only the wanted attributes.
		rd.releaseBytes(len(e.body)) // counted again as the kept values are read
		if err := rd.within(e.body, func() error { return rd.changeBody(c, want) }); err != nil {
			return rd.badResource(fmt.Errorf("%q: change: %w", c.Address, err))
		}
	} else if !e.streamed {
		if len(e.body) == 0 {
			return rd.badResource(fmt.Errorf("%q has no change", c.Address))
		}
		if err := rd.checkSpelled(e.body); err != nil {
			return rd.badResource(fmt.Errorf("%q: %w", c.Address, err))
		}
		var tc tfjson.Change
		if err := decodeNumbers(e.body, &tc); err != nil {
			return rd.badResource(fmt.Errorf("%q: change: %w", c.Address, jsonErr(err)))
		}
		if err := checkActions(tc.Actions); err != nil {
			return rd.badResource(fmt.Errorf("%q: change: %w", c.Address, err))
		}
		want := rd.wantedRaw(e.typ)
		c.Actions = tc.Actions
		c.Before, c.After, c.AfterUnknown = prune(tc.Before, want, false), prune(tc.After, want, false), prune(tc.AfterUnknown, want, true)
		if rd.section != "" {
			c.After, c.AfterUnknown = nil, nil // drift: as changeBody reads it
		}
		c.BeforeSensitive, c.AfterSensitive = prune(tc.BeforeSensitive, want, true), prune(tc.AfterSensitive, want, true)
	}
	if rd.section == "" {
		if err := checkSides(c); err != nil {
			return rd.badResource(fmt.Errorf("%q: change: %w", c.Address, err))
		}
	}
	// A value marked on one side stays withheld on the other: a variable
	// made sensitive since the state was written is marked after only,
	// and the same name shows before.
	marks := MergeMarks(c.BeforeSensitive, c.AfterSensitive)
	c.BeforeSensitive, c.AfterSensitive = marks, marks
	c.Line = e.line
	rd.p.Changes = append(rd.p.Changes, c)
	if c.DeposedKey != "" {
		return nil // see noteManaged
	}
	return rd.noteManaged(c.Address, c.Actions.NoOp())
}

// drift reads resource_drift into Plan.Drift, each entry as a change of
// resource_changes is read, with the same bounds on what it keeps (the
// resource limit too: each entry is a second object held in memory, its
// before side), but neither counted among the plan's changes (Resources)
// nor looked up as one. Its after side, the object as it is now, which the
// plan holds already, is not kept.
func (rd *reader) drift() error {
	changes, resources := rd.p.Changes, rd.p.Resources
	rd.p.Changes, rd.section = nil, "resource_drift[]"
	err := rd.s.array("resource_drift", rd.change)
	rd.p.Drift = append(rd.p.Drift, rd.p.Changes...)
	rd.p.Changes, rd.p.Resources, rd.section = changes, resources, ""
	return err
}

// checkDrift refuses drift that Terraform does not write, since each entry
// stands for an object the plan holds: an entry listed twice, actions
// other than an update or a delete (or the no-op of an object moved), a
// delete of an object the plan still holds (in prior_state, or as the
// before side of a change), or an update of one it does not (which would
// leave the change out of judging).
func (rd *reader) checkDrift() error {
	if len(rd.p.Drift) == 0 {
		return nil
	}
	held := make(map[string]bool, len(rd.p.Prior)+len(rd.p.Changes))
	for _, r := range rd.p.Prior {
		if r.DeposedKey == "" {
			held[r.Address] = true
		}
	}
	for _, c := range rd.p.Changes {
		if c.DeposedKey == "" && c.Before != nil {
			held[c.Address] = true
		}
	}
	seen := make(map[string]bool, len(rd.p.Drift))
	for _, d := range rd.p.Drift {
		id := deposedID(d.Address, d.DeposedKey)
		switch a := d.Actions; {
		case seen[id]:
			return fmt.Errorf("%q is listed twice in resource_drift; Terraform lists each object once", d.Address)
		case !a.Update() && !a.Delete() && !a.NoOp():
			return fmt.Errorf("%q: resource_drift holds the actions %v; Terraform records a change made outside it as an update or a delete", d.Address, []tfjson.Action(a))
		case d.DeposedKey != "":
		case a.Delete() && held[d.Address]:
			return fmt.Errorf("%q: resource_drift deletes it, yet the plan holds it", d.Address)
		case !a.Delete() && !held[d.Address]:
			return fmt.Errorf("%q: resource_drift changes it, yet the plan does not hold it", d.Address)
		}
		seen[id] = true
	}
	return nil
}

// hasChange reports whether the resource at a raw address has a kept
// change already, so that its prior state need not be read.
func (rd *reader) hasChange(address []byte) bool { return rd.changeAt(address) != nil }

// changeAt is the kept change (not of a deposed object) at a raw address.
func (rd *reader) changeAt(address []byte) *Change {
	rd.indexChanges()
	if len(address) >= 2 && address[0] == '"' && !hasEscape(address) {
		return rd.changed[string(address[1:len(address)-1])] // looked up without a copy
	}
	if a, ok := appendUnquoted(rd.addrScratch[:0], address); ok {
		rd.addrScratch = a
		return rd.changed[string(a)] // a module instance's key, looked up without a copy
	}
	var a string
	if len(address) == 0 || decodeString(address, &a) != nil {
		return nil
	}
	return rd.changed[a]
}

// dropPriorWithChanges leaves in Prior only the resources without a
// change, for a plan whose prior_state came before its resource_changes;
// the marks of what it drops join the change's (see markSensitive).
func (rd *reader) dropPriorWithChanges() {
	rd.indexChanges()
	if len(rd.p.Prior) > 0 {
		rd.p.Prior = slices.DeleteFunc(rd.p.Prior, func(r Resource) bool {
			c := rd.changed[r.Address]
			if r.DeposedKey != "" {
				c = rd.deposed[deposedID(r.Address, r.DeposedKey)]
			}
			if c != nil {
				if err := markSensitive(c, r.Sensitive); err != nil && rd.duplicate == nil {
					rd.duplicate = err
				}
			}
			return c != nil
		})
	}
	rd.changed, rd.deposed, rd.indexed = nil, nil, 0
}

// duplicatePrior finds an object prior_state lists twice: the first entry
// would stand for the second wherever resources are looked up by address,
// and hide it.
func duplicatePrior(prior []Resource) error {
	order := make([]int32, len(prior))
	for i := range order {
		order[i] = int32(i)
	}
	compare := func(a, b int32) int {
		return cmp.Or(strings.Compare(prior[a].Address, prior[b].Address), strings.Compare(prior[a].DeposedKey, prior[b].DeposedKey))
	}
	slices.SortFunc(order, compare)
	for i := 1; i < len(order); i++ {
		if compare(order[i-1], order[i]) == 0 {
			return fmt.Errorf("%q is listed twice in prior_state; Terraform lists each object once", prior[order[i]].Address)
		}
	}
	return nil
}

// indexChanges adds the changes read since it last ran to rd.changed,
// which is made when first needed, at the size it needs then. A second
// entry at one address would stand for the first wherever resources are
// looked up by address, and hide it: it is an error (rd.duplicate).
func (rd *reader) indexChanges() {
	if rd.changed == nil {
		rd.changed, rd.deposed = make(map[string]*Change, len(rd.p.Changes)), map[string]*Change{}
	}
	for _, c := range rd.p.Changes[rd.indexed:] {
		if c.DeposedKey != "" {
			rd.deposed[deposedID(c.Address, c.DeposedKey)] = c
			continue
		}
		if rd.changed[c.Address] != nil && rd.duplicate == nil {
			rd.duplicate = fmt.Errorf("%q is listed twice in resource_changes; Terraform lists each resource once", c.Address)
		}
		rd.changed[c.Address] = c
	}
	rd.indexed = len(rd.p.Changes)
}

// deposedID names a deposed object: its address and deposed key.
func deposedID(address, key string) string { return address + "\x00" + key }

// markSensitive adds prior state's sensitive_values for a resource to its
// change's marks: a value marked sensitive anywhere stays marked. A second
// entry for one object is an error (Terraform lists each once), and would
// cost a merge for each.
func markSensitive(c *Change, marks any) error {
	if c.inPrior {
		return fmt.Errorf("%q is listed twice in prior_state; Terraform lists each object once", c.Address)
	}
	c.inPrior = true
	c.BeforeSensitive = MergeMarks(c.BeforeSensitive, marks)
	c.AfterSensitive = MergeMarks(c.AfterSensitive, marks)
	return nil
}

// MergeMarks joins two sides of sensitivity marks: true wins, objects and
// lists join member by member, and marks of different shapes give true.
// Nested objects may come decoded as maps: they join as Objects.
func MergeMarks(a, b any) any {
	a, b = ObjectOf(a), ObjectOf(b)
	empty := func(m any) bool {
		o, ok := m.(Object)
		return m == nil || m == false || ok && len(o) == 0
	}
	switch {
	case empty(b):
		return a
	case empty(a):
		return b
	case a == true || b == true:
		return true
	}
	switch x := a.(type) {
	case Object:
		y, ok := b.(Object)
		if !ok {
			return true
		}
		out := slices.Clone(x)
		var at map[string]int // out's members by name, for large objects
		if len(x)+len(y) > 16 {
			at = make(map[string]int, len(x)+len(y))
			for i, o := range out {
				at[o.Name] = i
			}
		}
		for _, m := range y {
			i, found := at[m.Name]
			if at == nil {
				i = slices.IndexFunc(out, func(o Member) bool { return o.Name == m.Name })
				found = i >= 0
			}
			if found {
				out[i].Value = MergeMarks(out[i].Value, m.Value)
			} else {
				if at != nil {
					at[m.Name] = len(out)
				}
				out = append(out, m)
			}
		}
		return out
	case []any:
		y, ok := b.([]any)
		if !ok {
			return true
		}
		out := make([]any, max(len(x), len(y)))
		for i := range out {
			var xi, yi any
			if i < len(x) {
				xi = x[i]
			}
			if i < len(y) {
				yi = y[i]
			}
			out[i] = MergeMarks(xi, yi)
		}
		return out
	}
	return true
}

// badResource places an error about a resource change in the plan file
// (nil stays nil).
func (rd *reader) badResource(err error) error { return rd.bad("resource change", err) }

// badPrior is badResource for a resource of prior_state.
func (rd *reader) badPrior(err error) error { return rd.bad("prior_state resource", err) }

func (rd *reader) bad(what string, err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("%s ending at byte %d: %w", what, rd.s.offset(), err)
}

// jsonErr shortens encoding/json's errors to what a user can act on.
func jsonErr(err error) error {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		// te.Value may quote plan data; te.Type is a Go type, named here
		// as JSON names its kind.
		want := "a string"
		switch te.Type.Kind() {
		case reflect.Slice, reflect.Array:
			want = "a list"
		case reflect.Map, reflect.Struct, reflect.Interface:
			want = "an object"
		case reflect.Bool:
			want = "true or false"
		case reflect.Float32, reflect.Float64, reflect.Int, reflect.Int64, reflect.Int32:
			want = "a number"
		}
		if te.Field == "" {
			return fmt.Errorf("expected %s", want)
		}
		return fmt.Errorf("%s: expected %s", te.Field, want)
	}
	return err
}

// priorModule reads a module of prior_state.values, recursing into children.
func (rd *reader) priorModule() error {
	s := rd.s
	return s.fields("module", func(key []byte) error {
		switch string(key) {
		case "resources":
			return s.array("resources", rd.priorResource)
		case "child_modules":
			return s.array("child_modules", rd.priorModule)
		}
		return s.skip()
	})
}

func (rd *reader) priorResource() error {
	e := &rd.elem
	if err := rd.element(e, "resources[]", "values"); err != nil {
		return err
	}
	if managed, err := e.managed(); err != nil || !managed || len(e.typ) == 0 || !rd.keepRaw(e.typ) {
		if err == nil && (e.marked || bytes.Contains(e.sensitive, []byte("true"))) { // sensitive_values, skipped or captured
			err = rd.markedObject(e.address)
		}
		rd.release(e)
		return rd.badPrior(err)
	}
	want := rd.wantedRaw(e.typ)
	if len(e.deposed) > 0 {
		// A deposed object is a second object at its address: it lasts
		// unless a change of its own says otherwise (see dropPriorWithChanges).
	} else if c := rd.changeAt(e.address); c != nil {
		// Its change tells all (Terraform writes resource_changes first),
		// but for marks of sensitivity, which join the change's; its values
		// were kept as bytes only in case it was deposed.
		if !e.streamed {
			rd.releaseBytes(len(e.body))
		}
		marks, err := rd.priorMarks(e, want)
		if err != nil {
			return rd.badPrior(fmt.Errorf("%q: sensitive_values: %w", c.Address, err))
		}
		return rd.badPrior(markSensitive(c, marks))
	}
	var rc Change
	if err := rd.decodeInto(e, &rc); err != nil {
		return rd.badPrior(err)
	}
	if err := rd.count(); err != nil {
		return err
	}
	res := Resource{Address: rc.Address, ModuleAddress: rc.ModuleAddress, Name: rc.Name, DeposedKey: rc.DeposedKey, Type: rc.Type, Values: e.values}
	// Values that came before the type were captured; with wanted
	// attributes they are read as streamed values would be.
	if !e.streamed && len(e.body) > 0 && want != nil {
		rd.releaseBytes(len(e.body)) // counted again as the kept values are read
		if err := rd.within(e.body, func() (err error) { res.Values, err = rd.object(want, false); return err }); err != nil {
			return rd.badPrior(fmt.Errorf("%q: values: %w", rc.Address, err))
		}
	} else if !e.streamed && len(e.body) > 0 {
		var m map[string]any
		if err := decodeNumbers(e.body, &m); err != nil {
			return rd.badPrior(fmt.Errorf("%q: values: %w", rc.Address, jsonErr(err)))
		}
		res.Values, _ = prune(m, want, false).(Object)
	}
	var err error
	if res.Sensitive, err = rd.priorMarks(e, want); err != nil {
		return rd.badPrior(fmt.Errorf("%q: sensitive_values: %w", rc.Address, err))
	}
	rd.p.Prior = append(rd.p.Prior, res)
	return nil
}

// priorMarks is a prior resource's sensitive_values: streamed as they were
// read, or read from the bytes captured before the type was known.
func (rd *reader) priorMarks(e *element, want wanted) (any, error) {
	switch {
	case e.sensed || len(e.sensitive) == 0:
		return e.sensitiveValues, nil
	case want != nil:
		rd.releaseBytes(len(e.sensitive))
		var marks any
		err := rd.within(e.sensitive, func() error { return rd.side(&marks, want, true) })
		return marks, err
	}
	var marks any
	if err := json.Unmarshal(e.sensitive, &marks); err != nil {
		return nil, jsonErr(err)
	}
	return prune(marks, want, true), nil
}

// What a configuration resource and one of its expressions cost to keep,
// beyond their names, counted against maxKept: a plan of millions of them
// is refused rather than held.
const (
	configResourceCost = 256
	configEntryCost    = 128
)

// configModule reads configuration module number id: its resources'
// expression keys and, recursively, the modules it calls.
func (rd *reader) configModule(m *modulePath) error {
	s := rd.s
	return s.fields("module", func(key []byte) error {
		switch string(key) {
		case "resources":
			return s.array("resources", func() error { return rd.configResource(m) })
		case "module_calls":
			return s.entries("module_calls", func(name []byte) error {
				child := rd.enterCall(m, name)
				defer rd.leaveCall()
				return rd.configCall(child)
			})
		case "outputs":
			if m.parent == nil { // the root's outputs are read by no resource
				return s.skip()
			}
			return rd.moduleOutputs(m)
		case "variables":
			if m.parent == nil {
				// The root's values are in the plan's variables; those
				// it declares tell which the plan does not show.
				held := 0 // kept, whatever modules are numbered
				return rd.variables(m, &rd.rootDeclared, &held, "")
			}
			return rd.variables(m, &m.defaults, &m.held, "default")
		}
		return s.skip()
	})
}

// moduleOutputs reads a module's outputs: those whose expressions read
// nothing but constants and local values, and so are known when Terraform
// plans, are noted so, and under "" whether every output is either such
// one or one that reads other values (see knownStep). The expressions of
// those that read other values (the module's inputs, other modules'
// outputs, its data sources and managed resources) are kept: whether they
// are known is found once the plan is read (round 225: a null passed on
// from a data source read at plan was taken as set from an unknown value).
//
// It also keeps which outputs are declared sensitive, for readsSecret: a
// module's output declared sensitive marks nothing in the plan (Terraform
// 1.11 leaves a value read from one out of after_sensitive), yet its
// author asked that it not be shown.
func (rd *reader) moduleOutputs(m *modulePath) error {
	s := rd.s
	var known, secret []string
	var chained exprs
	all, passes := true, false
	err := s.entries("outputs", func(key []byte) error {
		name, isKnown := string(key), false
		defer func() { all = all && isKnown }()
		if c, ok := s.peek(); !ok || c != '{' {
			return s.skip()
		}
		return s.fields("output", func(k []byte) error {
			switch string(k) {
			case "sensitive":
				// Anything but false or null is taken as true: a hand-made
				// "true" or 1 must not print what it guards (round 141).
				v, err := rd.value()
				if v != nil && v != false {
					if err := rd.keepBytes(len(name) + configEntryCost); err != nil {
						return err
					}
					secret = append(secret, name)
				}
				return err
			case "expression":
			default:
				return s.skip()
			}
			e, err := rd.readExpr()
			reads := len(e.vars) > 0 || len(e.outputs) > 0 || e.locals // passed on from elsewhere
			if reads || len(e.data) > 0 || len(e.managed) > 0 {
				if err := rd.keepBytes(len(name) + configEntryCost); err != nil {
					return err
				}
				chained = append(chained, namedExpr{name, expr{opaque: e.opaque, each: e.each, vars: e.vars, outputs: e.outputs, locals: e.locals, objects: e.objects,
					users: e.users, data: e.data, managed: e.managed}})
				passes = passes || reads || e.objects // an object's attribute may read its inputs (round 285)
			}
			isKnown = !e.opaque && !e.each // constant, or known if what it reads is
			if isKnown && len(e.vars) == 0 && len(e.outputs) == 0 && len(e.data) == 0 && len(e.managed) == 0 {
				if err := rd.keepBytes(len(name) + configEntryCost); err != nil {
					return err
				}
				known = append(known, name)
			}
			return err
		})
	})
	if err != nil || len(known)+len(secret)+len(chained) == 0 {
		return err
	}
	id, err := rd.number(m)
	if err != nil {
		return err
	}
	for _, name := range known {
		rd.knownOutputs[configKey{id, name}] = true
	}
	rd.numbered[id].outputsKnown = all
	for _, name := range secret {
		rd.secretOutputs[configKey{id, name}] = true
		rd.secretOutputs[configKey{id, ""}] = true
	}
	rd.numbered[id].outputs = chained.sorted()
	m.passesInputs = passes // through its inputs, locals, or modules it calls
	return nil
}

// variables reads a variables object into names: each name, true when its
// entry holds key (the plan's variables and their "value", a module's and
// their "default"), counted against the kept bytes and added to held. For
// a module's declaration (m), one declared sensitive is a secret source
// (see readsSecret), and so are the module's local values: Terraform marks
// the variable where it is read, but not an object's attribute, a data
// source's say, that reads it (round 285).
func (rd *reader) variables(m *modulePath, names *map[string]bool, held *int, key string) error {
	s := rd.s
	return s.entries("variables", func(name []byte) error {
		n := string(name)
		if err := rd.keepBytes(len(n) + configEntryCost); err != nil {
			return err
		}
		*held += len(n) + configEntryCost
		if c, ok := s.peek(); !ok || c != '{' {
			return s.skip()
		}
		if *names == nil {
			*names = map[string]bool{}
		}
		if _, ok := (*names)[n]; !ok {
			(*names)[n] = false
		}
		return s.fields("variable", func(k []byte) error {
			switch {
			case string(k) == key:
				(*names)[n] = true
			case string(k) == "sensitive" && m != nil:
				v, err := rd.value()
				if err != nil || v == nil || v == false {
					return err
				}
				return rd.secretSource(m, n)
			}
			return s.skip()
		})
	})
}

// providerConfig reads the configuration's provider_config: the region of
// each provider configuration whose region is a constant, the root's and
// those modules declare (keyed "module.m:aws"). A region read
// from a variable is left unknown: the configuration shows only the
// variable it reads, not what of it (var.env == "prod" ? ... : ...).
func (rd *reader) providerConfig() error {
	s := rd.s
	return s.entries("provider_config", func(key []byte) error {
		name := string(key)
		region, fullName := "", ""
		var account []string // the expressions that say which account (see addAccount)
		elsewhere := false   // one of them is read from elsewhere, or a function
		expressions := false // any at all: a module's block of none may be a proxy
		defer func() {
			// The provider is known by its source (full_name), whatever
			// local name the configuration gives it; without one, by the
			// name: "aws", "aws.alias", and a module's own, "module.m:aws".
			local := name[strings.LastIndexByte(name, ':')+1:]
			if fullName == "" && (local == "aws" || strings.HasPrefix(local, "aws.")) || path.Base(fullName) == "aws" {
				// A module's block with nothing set may be a proxy for the
				// configuration its caller passes (the older spelling of
				// configuration_aliases), or its own, reading the
				// environment's credentials: the plan does not show which.
				for _, a := range account {
					if arg, ok := strings.CutPrefix(a, "assume_role="); ok {
						if id, ok := roleAccount(arg); ok {
							// The role's account, whatever credentials
							// assume it (round 255).
							account, elsewhere = []string{roleAccountPrefix + id}, false
						}
						break
					}
				}
				rd.addAccount(name, account, elsewhere, !expressions && strings.Contains(name, ":"))
			}
		}()
		if c, ok := s.peek(); !ok || c != '{' {
			account, elsewhere = []string{"\x00" + name}, true // unread: its own
			return s.skip()
		}
		err := s.fields("provider config", func(k []byte) error {
			switch string(k) {
			case "full_name":
				if c, ok := s.peek(); ok && c == '"' {
					return rd.str(&fullName)
				}
			case "expressions":
				if c, ok := s.peek(); !ok || c != '{' {
					account, elsewhere = []string{"\x00" + name}, true
					break
				}
				return s.entries("expressions", func(attr []byte) error {
					expressions = true
					if string(attr) != "region" {
						if notAccount[string(attr)] {
							return s.skip()
						}
						raw, err := s.capture(nil, maxString)
						if err == nil {
							err = rd.keepBytes(len(attr) + len(raw))
						}
						if arg, constant, sets := canonicalArgument(string(attr), raw); sets {
							account = append(account, string(attr)+"="+arg)
							elsewhere = elsewhere || !constant
						}
						return err
					}
					region = ""
					if c, ok := s.peek(); !ok || c != '{' {
						return s.skip()
					}
					other := false // not only a constant
					err := s.fields("region", func(k []byte) error {
						if c, ok := s.peek(); ok && c == '"' && string(k) == "constant_value" {
							return rd.str(&region)
						}
						other = true
						return s.skip()
					})
					if other {
						region = ""
					}
					return err
				})
			}
			return s.skip()
		})
		if err != nil || region == "" {
			return err
		}
		if err := rd.keepBytes(len(name) + len(region) + configEntryCost); err != nil {
			return err
		}
		if rd.regions == nil {
			rd.regions = map[string]string{}
		}
		rd.regions[name] = region
		return nil
	})
}

// roleAccountPrefix begins the account of a configuration that assumes
// one role named by a constant ARN (see roleAccount).
const roleAccountPrefix = "role="

// roleAccount is the account of an assume_role argument, as
// canonicalArgument spells it, of one role named by a constant ARN: its
// partition and account ID ("aws:111111111111"), which choose the account
// whatever credentials assume the role.
func roleAccount(arg string) (string, bool) {
	var blocks []map[string]map[string]any
	if json.Unmarshal([]byte(arg), &blocks) != nil || len(blocks) != 1 {
		return "", false
	}
	arn, ok := blocks[0]["role_arn"]["constant_value"].(string)
	parts := strings.SplitN(arn, ":", 6) // arn:PARTITION:iam::ACCOUNT:role/NAME
	if !ok || len(parts) != 6 || parts[0] != "arn" || parts[1] == "" || parts[2] != "iam" || parts[3] != "" || parts[4] == "" ||
		!strings.HasPrefix(parts[5], "role/") {
		return "", false
	}
	return parts[1] + ":" + parts[4], true
}

// notAccount lists the AWS provider's arguments that do not change which
// account its objects are in (see addAccount): any other may (credentials,
// profiles, roles, endpoints, and arguments added since). The account IDs
// allowed or forbidden only check it.
var notAccount = map[string]bool{
	"default_tags": true, "ignore_tags": true, "max_retries": true, "retry_mode": true,
	"skip_credentials_validation": true, "skip_metadata_api_check": true, "skip_region_validation": true,
	"skip_requesting_account_id": true, "http_proxy": true, "https_proxy": true, "no_proxy": true,
	"insecure": true, "custom_ca_bundle": true, "s3_use_path_style": true, "s3_us_east_1_regional_endpoint": true,
	"use_dualstack_endpoint": true, "use_fips_endpoint": true, "sts_region": true,
	"token_bucket_rate_limiter_capacity": true, "ec2_metadata_service_endpoint": true,
	"ec2_metadata_service_endpoint_mode": true, "allowed_account_ids": true, "forbidden_account_ids": true,
}

// internAccount names an account by a short string of its own, keeping
// its kind (see IDsApart, RoleAccount): an account's arguments may be as
// long as a value is (a role ARN of 60,000 characters Terraform takes),
// and each key of the account, and each comparison with it, cost that
// (round 319: 320 MB for 5,000 keys of a 4 MB plan).
func (rd *reader) internAccount(account string) string {
	if account == "" {
		return ""
	}
	if short, ok := rd.accountNames[account]; ok {
		return short
	}
	kind := ""
	switch {
	case strings.HasPrefix(account, roleAccountPrefix):
		kind = roleAccountPrefix
	case strings.HasPrefix(account, "\x00"):
		kind = "\x00"
	}
	if rd.accountNames == nil {
		rd.accountNames = map[string]string{}
	}
	short := kind + "#" + strconv.Itoa(len(rd.accountNames))
	rd.accountNames[account] = short
	return short
}

// addAccount records the account of AWS provider configuration name, given
// the expressions of its arguments that may change it (see notAccount).
// Configurations that give them the same constants are one account,
// whatever their regions: an alias for another region (us-east-1 for
// CloudFront's certificates) is the same account, and IAM is global. One
// that reads any of them from elsewhere is an account of its own.
//
// Alike, it keeps a looser account too: the configurations that write
// those expressions alike, values read from elsewhere included, may be one
// account ("${var.org}-prod" and "${var.org}-dev" are both written as
// var.org), and are not shown to be two (see AccountAlike). A module's
// block that may be a proxy (maybeProxy) may be any account: it has its
// own for Account, and none alike (AccountAlike gives it its own, and it
// makes no other configuration another account). elsewhere: an argument
// is read from elsewhere, or a function, whose value the plan does not
// show.
func (rd *reader) addAccount(name string, account []string, elsewhere, maybeProxy bool) {
	slices.Sort(account)
	alike := strings.Join(account, "\n")
	id := alike
	if elsewhere {
		id = "\x00" + name
	}
	if strings.Contains(alike, `"references"`) {
		alike = name[:strings.LastIndexByte(name, ':')+1] + "\n" + alike // a module's var.x is its own
	}
	if rd.p.accounts == nil {
		rd.p.accounts, rd.p.alike, rd.accountIDs = map[string]string{}, map[string]string{}, map[string]bool{}
	}
	id, alike = rd.internAccount(id), rd.internAccount(alike)
	count := func(k string, n *int) {
		if !rd.accountIDs[k] {
			rd.accountIDs[k] = true
			*n++
		}
	}
	count("strict\x00"+id, &rd.p.AWSAccounts)
	rd.p.accounts[name] = id
	if !maybeProxy {
		count("alike\x00"+alike, &rd.p.AWSAccountsAlike)
		rd.p.alike[name] = alike
	}
}

// canonicalArgument spells a provider argument's expression, raw JSON, one
// way however the plan's JSON spells it (key order, white space, escapes);
// sets is false for one that sets nothing: null or "" (as omitted), or no
// block, or blocks that set nothing (endpoints {}, assume_role { role_arn
// = null }). Of endpoints, only those of the services whose objects the
// rules judge, or that give credentials, are kept (see accountEndpoints).
// constant: it gives only constants, a constant_value or blocks of such; a
// reference, or a function ({}), is a value the plan does not show.
func canonicalArgument(attr string, raw []byte) (arg string, constant, sets bool) {
	var v any
	if json.Unmarshal(raw, &v) != nil {
		return string(raw), false, true // compared as it is
	}
	switch v := v.(type) {
	case map[string]any:
		if isNull(v) {
			return "", true, false
		}
	case []any:
		empty := true
		for _, b := range v {
			block, ok := b.(map[string]any)
			if !ok {
				empty = false
				continue
			}
			for k, e := range block {
				if e, ok := e.(map[string]any); ok && isNull(e) || attr == "endpoints" && !accountEndpoints[k] {
					delete(block, k)
				}
			}
			if strings.HasPrefix(attr, "assume_role") {
				// The role alone chooses the account: its session name,
				// duration, tags... do not (round 251); no role, nothing
				// is assumed.
				for k := range block {
					if k != "role_arn" {
						delete(block, k)
					}
				}
			}
			empty = empty && len(block) == 0
		}
		if empty {
			return "", true, false
		}
	}
	b, err := json.Marshal(v) // map keys sorted
	if err != nil {
		return string(raw), false, true
	}
	return string(b), constantExpr(v), true
}

// isNull reports whether an expression is {"constant_value": null}, or an
// empty string or list, which the AWS provider takes as not set (an
// endpoint, a role to assume, shared_config_files = []).
func isNull(e map[string]any) bool {
	c, ok := e["constant_value"]
	l, list := c.([]any)
	return ok && (c == nil || c == "" || list && len(l) == 0) && len(e) == 1
}

// accountEndpoints are the endpoints of the AWS provider that may change
// which account an object judged is in: IAM's and CloudTrail's, where the
// objects go, and STS's and SSO's, which give credentials. Another
// service's (s3) does not.
var accountEndpoints = map[string]bool{"iam": true, "sts": true, "cloudtrail": true, "sso": true}

// constantExpr reports whether an argument's decoded expression gives only
// constants (see canonicalArgument).
func constantExpr(v any) bool {
	switch v := v.(type) {
	case map[string]any: // an expression
		_, refs := v["references"]
		_, c := v["constant_value"]
		return c && !refs
	case []any: // blocks: an expression for each argument
		for _, b := range v {
			block, ok := b.(map[string]any)
			if !ok {
				return false
			}
			for _, arg := range block {
				if !constantExpr(arg) {
					return false
				}
			}
		}
		return true
	}
	return false
}

// configCall reads a module call: the expressions it gives the module's
// inputs and for_each, and the module. They are kept only if the module
// holds a kept resource (or calls one that does), and counted while held.
func (rd *reader) configCall(child *modulePath) error {
	s := rd.s
	// The call's for_each and inputs come before its module, which tells
	// whether anything judged reads them. Short ones are held as written
	// and read only then (reading every call's cost a plan of 100,000
	// other resources a tenth more time); others are read in place, as a
	// constant, however long, costs nothing held so.
	var call moduleCall
	var forEach, inputs heldValue
	held := 0 // the kept bytes of those read in place
	mark := len(rd.callsHeld)
	defer func() { rd.callsHeld = rd.callsHeld[:mark] }()
	inPlace := func(read func(*moduleCall) error) error {
		before := rd.keptBytes
		err := read(&call)
		held += rd.keptBytes - before
		return err
	}
	err := s.fields("module call", func(key []byte) error {
		switch string(key) {
		case "module":
			return rd.configModule(child)
		case "count_expression":
			child.counted = true
		case "for_each_expression":
			child.counted = true
			if rd.hold(&forEach, rd.checkExpr) {
				return nil
			}
			return inPlace(rd.callForEach)
		case "expressions":
			if rd.hold(&inputs, rd.checkInputs) {
				return nil
			}
			return inPlace(rd.callInputs)
		}
		return s.skip()
	})
	if err != nil {
		return err
	}
	if !child.kept && !child.passesInputs {
		// Nothing judged reads this module's inputs. One whose outputs
		// read them keeps its call: they may pass on a sensitive output
		// through a module that holds nothing judged (round 135).
		rd.releaseBytes(held + child.held)
		return nil
	}
	if forEach.set {
		err = rd.readHeld(forEach, func() error { return rd.callForEach(&call) })
	}
	if inputs.set && err == nil {
		err = rd.readHeld(inputs, func() error { return rd.callInputs(&call) })
	}
	if err != nil {
		return err
	}
	call.parent, call.defaults, call.given = child.parent.id, child.defaults, true
	rd.numbered[child.id].call = call
	return nil
}

func (rd *reader) callForEach(call *moduleCall) error {
	e, err := rd.readExpr()
	call.forEach = &e
	return err
}

func (rd *reader) callInputs(call *moduleCall) error {
	s := rd.s
	if c, ok := s.peek(); !ok || c != '{' {
		return s.skip()
	}
	err := s.entries("expressions", func(input []byte) error {
		x, err := rd.readNamedExpr(input)
		call.inputs = append(call.inputs, x)
		return err
	})
	call.inputs = call.inputs.sorted()
	return err
}

// maxHeld bounds a value held as written (see hold). Only the calls being
// read hold any, and each its for_each and inputs: a plan nested as deep as
// the reader goes holds a few MB at most.
const maxHeld = 1 << 10

// heldValue is a value of the configuration held as written (see hold),
// and where the scanner was: its offset, nesting depth and keys held.
type heldValue struct {
	set         bool
	start, end  int // its bytes in callsHeld
	at          int64
	depth, keys int
}

// hold keeps the next value's bytes in callsHeld, for readHeld, when it
// ends within maxHeld bytes of the buffer, passed over by check;
// otherwise it reports false, the value not consumed.
func (rd *reader) hold(h *heldValue, check func() error) bool {
	s := rd.s
	if _, ok := s.peek(); !ok {
		return false
	}
	end := min(s.end, s.pos+maxHeld)
	p := &rd.probe
	*p = scanner{r: eof{}, buf: s.buf[s.pos:end:end], end: end - s.pos, depth: s.depth, closers: p.closers[:0],
		key: p.key[:0], keys: p.keys[:0], ends: p.ends[:0], hashes: p.hashes[:0]}
	// Checked as it would be read, whether or not it is: a key given
	// twice is refused wherever the buffer ends (round 235: the plan was
	// refused or not by where its reads split it). What fails is read in
	// place, which says why.
	rd.s = p
	err := check()
	rd.s = s
	if err != nil || p.pos == p.end { // a scalar may go on past the end
		return false
	}
	h.set, h.at, h.depth, h.keys, h.start = true, s.offset(), s.depth, s.keysHeld(), len(rd.callsHeld)
	rd.callsHeld = append(rd.callsHeld, s.buf[s.pos:s.pos+p.pos]...)
	h.end = len(rd.callsHeld)
	s.pos += p.pos
	return true
}

// readHeld runs read over a held value as if the reader were at it, as
// deep and with as many keys held (round 219: read one level shallower, a
// value nested one level too deep passed).
func (rd *reader) readHeld(h heldValue, read func() error) error {
	outer := rd.s
	return rd.within(rd.callsHeld[h.start:h.end:h.end], func() error {
		s := rd.s
		s.base, s.depth = h.at, h.depth
		s.keys, s.ends, s.hashes, s.keysOutside = outer.keys, outer.ends, outer.hashes, h.keys-outer.keysHeld()
		return read()
	})
}

// eof is an empty input.
type eof struct{}

func (eof) Read([]byte) (int, error) { return 0, io.EOF }

// modulePath is a configuration module as the reader descends into it. It
// gets its number only when a kept resource is found in it (or below), so
// the many modules with nothing judged cost nothing once read.
type modulePath struct {
	parent *modulePath // nil for the root
	name   []byte
	id     int // -1 until numbered; the root is 0
	// defaults: the input variables it gives a default; held: their bytes
	// counted against the kept bytes.
	defaults map[string]bool
	held     int
	// kept: it holds a kept resource, or calls one that does: its call is
	// kept. A module numbered only for its outputs keeps none, unless
	// passesInputs: an output reads other than constants, maybe its
	// inputs (see readsSecret).
	kept, passesInputs bool
	key                uint64 // its calls chained (see chainKey)
	// counted: its call, or a call it is within, gives count or for_each,
	// so its resources may have no instance (see noteCounted).
	counted bool
}

// enterCall gives the module of a call named name within m, reused from
// the last call read at its depth (a plan of 100,000 module calls made as
// many): nothing keeps one once leaveCall is called.
func (rd *reader) enterCall(m *modulePath, name []byte) *modulePath {
	if rd.callDepth == len(rd.callPaths) {
		rd.callPaths = append(rd.callPaths, new(modulePath))
	}
	child := rd.callPaths[rd.callDepth]
	rd.callDepth++
	*child = modulePath{parent: m, name: append(child.name[:0], name...), id: -1, key: rd.chainKeyBytes(m.key, name), counted: m.counted}
	return child
}

func (rd *reader) leaveCall() { rd.callDepth-- }

// number numbers the module and its ancestors, as Configured walks them,
// each counted against the kept bytes (round 232: 600 chains of 3,000
// nested modules, each numbered for the one output at its end, took
// 440 MB).
func (rd *reader) number(m *modulePath) (int, error) {
	if m.id >= 0 {
		return m.id, nil
	}
	parent, err := rd.number(m.parent)
	if err != nil {
		return 0, err
	}
	call := configKey{parent, string(m.name)}
	id, ok := rd.p.modules[call]
	if !ok {
		if err := rd.keepBytes(len(m.name) + configEntryCost); err != nil {
			return 0, err
		}
		id = len(rd.p.modules) + 1
		rd.p.modules[call] = id
		rd.numbered = append(rd.numbered, module{key: m.key}) // at id
	}
	m.id = id
	return id, nil
}

func (rd *reader) configResource(module *modulePath) error {
	s, e := rd.s, &rd.elem
	e.reset()
	res := &rd.resource // most resources are not kept: one, reused
	*res = configResource{attrs: res.attrs[:0]}
	counted := false // it has count or for_each, and so maybe no instance
	err := s.fields("resources[]", func(key []byte) error {
		var err error
		switch string(key) {
		case "address":
			e.address, err = s.capture(e.address[:0], maxString)
		case "type":
			e.typ, err = s.capture(e.typ[:0], maxString)
		case "count_expression":
			counted = true
			return s.skip()
		case "for_each_expression":
			counted = true
			if len(e.typ) > 0 && !rd.keepRaw(e.typ) {
				return s.skip()
			}
			var fe expr
			fe, err = rd.readExpr()
			res.forEach = &fe
		case "provider_config_key":
			if c, ok := s.peek(); !ok || c != '"' || len(e.typ) > 0 && !rd.keepRaw(e.typ) {
				return s.skip()
			}
			err = rd.str(&res.provider)
		case "depends_on":
			c, _ := s.peek()
			res.dependsOn = c != '[' // what Terraform never writes: as if it did
			err = s.array("depends_on", func() error {
				var ref string
				if c, _ := s.peek(); c != '"' {
					res.dependsOn = true
					return s.skip()
				}
				err := rd.str(&ref)
				res.dependsOn = res.dependsOn || ordersAfterUser(ref)
				return err
			})
		case "expressions":
			if len(e.typ) > 0 && !rd.keepRaw(e.typ) {
				return s.skip()
			}
			res.attrs = res.attrs[:0] // a resource's few attributes: a map would cost ten times as much
			want := rd.wantedRaw(e.typ)
			return s.entries("expressions", func(attr []byte) error {
				if _, wanted := want[string(attr)]; want != nil && !wanted {
					return s.skip() // an attribute no rule reads
				}
				x, err := rd.readNamedExpr(attr)
				res.attrs = append(res.attrs, x)
				return err
			})
		default:
			err = s.skip()
		}
		return err
	})
	if err == nil && (counted || module.counted) {
		err = rd.noteCounted(module, e.address)
	}
	if typ := ""; err == nil && (bytes.Contains(e.typ, []byte("remote")) || bytes.IndexByte(e.typ, '\\') >= 0) && decodeString(e.typ, &typ) == nil && typ == "terraform_remote_state" {
		// Its outputs, those the state it reads declares sensitive too,
		// come unmarked: any may be secret (round 285).
		err = rd.secretSource(module, "")
	}
	if err != nil || len(e.typ) == 0 || !rd.keepRaw(e.typ) {
		return err
	}
	var addr string
	if err := decodeString(e.address, &addr); err != nil || addr == "" {
		return nil // a configuration entry without an address names nothing
	}
	if err := rd.keepBytes(len(addr) + len(res.provider) + configResourceCost); err != nil {
		return err
	}
	typ, name, _ := strings.Cut(addr, ".") // type.name: types hold no dot
	kept := *res
	kept.attrs = slices.Clone(res.attrs)
	id, err := rd.number(module)
	if err != nil {
		return err
	}
	rd.config[resourceKey{id, typ, name}] = kept
	for m := module; m != nil && !m.kept; m = m.parent {
		m.kept = true
	}
	return nil
}

// configResource is what the reader keeps of a resource's configuration:
// the expressions of the attributes the rules read, its for_each, and the
// provider configuration it uses.
type configResource struct {
	attrs     []namedExpr // each name once (see entries)
	forEach   *expr
	provider  string
	dependsOn bool // it depends_on an aws_iam_user or a module (see ordersAfterUser)
}

// userName is an aws_iam_user's name and its for_each (see readsSecret).
type userName struct {
	name    expr
	forEach *expr
}

// namedExpr is an attribute's expression.
type namedExpr struct {
	name string
	expr
}

// moduleID is the number of the configuration module at path (module.a
// of module.a["k"], keys aside; "" for the root), if it is numbered.
func (p *Plan) moduleID(path string) (int, bool) {
	module, found := 0, true
	if path != "" {
		moduleNames(path, func(call string, _ int) bool {
			module, found = p.modules[configKey{module, call}]
			return found
		})
	}
	return module, found
}

// resolveConfig turns the configuration's expressions into Settings, now
// that every module call has been read, and reports whether any is Secret.
func (rd *reader) resolveConfig() (secret bool) {
	p := rd.p
	if rd.config == nil {
		return false
	}
	p.configured = make(map[resourceKey]Settings, len(rd.config))
	ids := map[string]int{} // one number a source, whichever resources read it
	rd.known, rd.passed, rd.shown = map[knownKey]knownState{}, map[configKey]passed{}, map[configKey]bool{}
	rd.readAtApply = map[configKey]bool{}
	for k := range rd.deferred {
		path, name, _ := strings.Cut(k, "\x00")
		if module, found := p.moduleID(path); found {
			rd.readAtApply[configKey{module, name}] = true
		}
	}
	rd.secrets = &secretWalk{nodes: map[secretNode]secretState{}}
	for call, child := range p.modules {
		rd.numbered[call.module].children = append(rd.numbered[call.module].children, child)
	}
	rd.instances.trim(rd) // those deferred_changes and the configuration added
	userInputs := rd.userInputs()
	for path := range rd.markedModules {
		if module, found := p.moduleID(path); found {
			rd.secretSources[secretNode{module, 'l', ""}] = true
		}
	}
	rd.userNames = map[configKey]userName{} // kept as rd.config goes
	for k, res := range rd.config {
		if k.typ != "aws_iam_user" {
			continue
		}
		for _, a := range res.attrs {
			if a.name == "name" {
				rd.userNames[configKey{k.module, k.name}] = userName{a.expr, res.forEach}
			}
		}
	}
	// In a set order: past maxSecretNodes, what the secret walk has not
	// settled is withheld, and so which resources it settles depends on
	// the order they come in (round 232: a user was withheld in one run
	// and named in the next).
	for _, k := range slices.SortedFunc(maps.Keys(rd.config), resourceKey.compare) {
		res := rd.config[k]
		var eachKnown *bool // once a resource: its nested blocks may ask for each one (round 148)
		each := func() bool {
			if eachKnown == nil {
				v := res.forEach != nil && rd.knownRefs(k.module, *res.forEach, nil)
				eachKnown = &v
			}
			return *eachKnown
		}
		attrs := make(Settings, len(res.attrs))
		for i, a := range res.attrs {
			x := a.expr
			attrs[i] = AttrSetting{Name: a.name, Setting: x.setting(x.refs && rd.knownRefs(k.module, x, each)), Constant: !x.null && !x.refs && !x.opaque,
				Inputs:  !x.null && userInputs(k.module, x),
				Ordered: res.dependsOn || x.orders || k.module != 0 && len(x.vars) > 0, UsersOnly: len(x.users) > 0 && !x.inputs}
			attrs[i].OnlyShown = attrs[i].Setting == SetAtPlan && rd.onlyShown(k.module, x)
			attrs[i].Secret = !x.null && rd.readsSecret(k.module, x) || x.readsEach() && res.forEach != nil && rd.readsSecret(k.module, *res.forEach) ||
				rd.blocksSecret(k.module, x.blocks, res.forEach)
			secret = secret || attrs[i].Secret
			attrs[i].Blocks = rd.blockSettings(k.module, x.blocks, each)
			// A local counts as known at plan, yet may read a value known
			// only after apply (local.ci = aws_iam_user.ci.id): whose it
			// is still shows in its references.
			if attrs[i].Setting != Unset && x.refs && !x.instance && len(x.source) > 0 {
				x, up := rd.passedOn(k.module, x)
				id, ok := ids[string(x.source)]
				if !ok {
					id = len(p.sourceRefs)
					refs := string(x.source)
					ids[refs] = id
					p.sourceRefs = append(p.sourceRefs, refs)
				}
				attrs[i].source, attrs[i].hasSource = source{id, up}, true
			}
		}
		p.configured[k] = attrs
		if rd.nodeSecret(secretNode{k.module, 'l', ""}) {
			// Anything of its module may read a declared output, so may
			// the blocks a dynamic block makes, which the plan does not
			// show (round 160: a field_selector's field printed). Which
			// blocks those are the plan cannot tell: Terraform merges
			// equal blocks of a set, so counting the blocks written out
			// does not (round 162).
			if p.blocksWithheld == nil {
				p.blocksWithheld = map[resourceKey]bool{}
			}
			p.blocksWithheld[k] = true
			secret = true
		}
		delete(rd.config, k) // its expressions go as their settings come
		if res.provider != "" {
			if p.providers == nil {
				p.providers = map[resourceKey]string{}
			}
			p.providers[k] = res.provider
		}
	}
	p.regions = rd.regions
	rd.config, rd.numbered, rd.rootVars, rd.rootDeclared, rd.known, rd.passed, rd.regions = nil, nil, nil, nil, nil, nil, nil
	rd.secretOutputs, rd.secretSources, rd.userNames, rd.secrets = nil, nil, nil, nil
	return secret
}

// blocksSecret reports whether an attribute of nested blocks, at any
// depth, reads a module's output declared sensitive, itself or through
// each.value or each.key of the resource's forEach: the blocks are marked
// sensitive as a whole, as Terraform marks a block list.
func (rd *reader) blocksSecret(m int, blocks [][]namedExpr, forEach *expr) bool {
	for _, b := range blocks {
		for _, a := range b {
			if !a.null && rd.readsSecret(m, a.expr) || a.readsEach() && forEach != nil && rd.readsSecret(m, *forEach) ||
				rd.blocksSecret(m, a.blocks, forEach) {
				return true
			}
		}
	}
	return false
}

// markSecrets marks sensitive, on both sides of each change and of each
// drift entry, the attributes its configuration reads from a module's
// output declared sensitive (AttrSetting.Secret), which the plan leaves
// unmarked, as prior state's marks join a change's (see markSensitive).
func (rd *reader) markSecrets() {
	for _, list := range [][]*Change{rd.p.Changes, rd.p.Drift} {
		for _, c := range list {
			settings, _ := rd.p.Configured(c)
			var marks Object
			for _, a := range settings {
				if a.Secret {
					marks = append(marks, Member{Name: a.Name, Value: true})
				}
			}
			if k, ok := rd.p.configKey(c); ok && rd.p.blocksWithheld[k] {
				for _, side := range []any{c.Before, c.After} {
					obj, _ := side.(Object)
					for _, v := range obj {
						if _, marked := marks.Get(v.Name); !marked && IsBlocks(v.Value) {
							marks = append(marks, Member{Name: v.Name, Value: true})
						}
					}
				}
			}
			if marks != nil {
				c.BeforeSensitive, c.AfterSensitive = MergeMarks(c.BeforeSensitive, marks), MergeMarks(c.AfterSensitive, marks)
			}
		}
	}
}

// IsBlocks reports whether a value is one of nested blocks: a list of
// objects.
func IsBlocks(v any) bool {
	list, _ := v.([]any)
	return slices.ContainsFunc(list, func(e any) bool {
		switch e.(type) {
		case Object, map[string]any:
			return true
		}
		return false
	})
}

// blockSettings is how the configuration, in module m, sets the attributes
// of each nested block written out (see AttrSetting.Blocks).
func (rd *reader) blockSettings(m int, blocks [][]namedExpr, each func() bool) []Settings {
	if len(blocks) == 0 {
		return nil
	}
	out := make([]Settings, len(blocks))
	for i, b := range blocks {
		s := make(Settings, len(b))
		for j, a := range b {
			x := a.expr
			s[j] = AttrSetting{Name: a.name, Setting: x.setting(x.refs && rd.knownRefs(m, x, each)), Constant: !x.refs && !x.opaque, Text: x.text}
			s[j].OnlyShown = s[j].Setting == SetAtPlan && rd.onlyShown(m, x)
			s[j].Blocks = rd.blockSettings(m, x.blocks, each)
		}
		out[i] = s
	}
	return out
}

// userInputs tells whether an expression of module m may read inputs
// (expr.inputs): those it reads itself, and those the names of the
// aws_iam_users it reads are set from. A user the configuration does not
// show may be named from anything.
func (rd *reader) userInputs() func(m int, x expr) bool {
	named := map[resourceKey]bool{} // whether a user's name may read inputs
	for k, res := range rd.config {
		if k.typ != "aws_iam_user" {
			continue
		}
		for _, a := range res.attrs {
			if a.name == "name" {
				named[k] = a.inputs || len(a.users) > 0
			}
		}
	}
	return func(m int, x expr) bool {
		if x.inputs {
			return true
		}
		for _, u := range x.users {
			if inputs, shown := named[resourceKey{m, "aws_iam_user", u}]; inputs || !shown {
				return true
			}
		}
		return false
	}
}

// Settings is how a configuration resource sets the attributes the rules
// read, each once: a resource's few attributes, which a map would hold at
// ten times the cost.
type Settings []AttrSetting

// AttrSetting is how the configuration sets an attribute, and for one set
// from other objects the same way in every instance, where it is read
// (hasSource; see Plan.Source).
type AttrSetting struct {
	Name    string
	Setting Setting
	// Inputs: it may read what the configuration can make sensitive since
	// the state was written: an input variable, a local value, a module's
	// output, each.value, another object's attribute (set from one, maybe),
	// or a function with no references (sensitive("x")). A constant does
	// not, nor the name of an aws_iam_user whose name is a constant.
	Inputs bool
	// Ordered: Terraform may walk its object after an aws_iam_user for
	// it: it reads a user, a module's output, or a module's input (which
	// its caller may give from a user), or the resource depends_on a user
	// or a module. One set from constants, locals or root variables alone
	// may be made before any user.
	Ordered bool
	// UsersOnly: it reads the names or IDs of aws_iam_users and nothing
	// else but count.index or each.key.
	UsersOnly bool
	// OnlyShown: set at plan from values the plan shows alone (constants,
	// input variables, count.index, each.key, through module inputs; see
	// onlyShown). Shown known only after apply, only an impure function
	// such as timestamp() makes it so.
	OnlyShown bool
	// Blocks: for nested blocks, how each block written out sets its
	// attributes (Name, Setting, Constant, OnlyShown and Blocks alone), in
	// the configuration's order, which a set of blocks does not keep in the
	// plan; blocks a dynamic block makes are not among them.
	Blocks []Settings
	// Constant: set to a constant other than null.
	Constant bool
	// Text: a block's attribute, a hash of its expression as written:
	// blocks whose attributes are written alike are alike, and, all set to
	// constants, are one element of a set of blocks (see Blocks). 0 for
	// null or an empty list, which is as if omitted.
	Text uint64
	// Secret: it reads a module's output declared sensitive (see
	// readsSecret), which the plan does not mark.
	Secret    bool
	hasSource bool
	source    source
}

// Get gives the Setting of an attribute: Unset for one the configuration
// omits.
func (s Settings) Get(name string) Setting { return s.Find(name).Setting }

// Find gives how the configuration sets an attribute: the zero
// AttrSetting (Unset) for one it omits.
func (s Settings) Find(name string) AttrSetting {
	for _, a := range s {
		if a.Name == name {
			return a
		}
	}
	return AttrSetting{}
}

// source is where a configuration resource reads an attribute: the number
// of its references, and how many module calls above the resource's module
// they are read (see passedOn).
type source struct{ id, up int }

// passed is what passedOn found for an input variable of a module.
type passed struct {
	x  expr
	up int
}

// passedOn follows an expression that only passes on an input variable of
// its module m (user = var.user) to the expression the module's call gives
// that input, read in the calling module, as long as that one is the same
// for every instance of the call (it reads no count or each). It returns
// the expression it ends at and how many calls up that is. rd.passed
// memoizes per module and variable, so that deep module chains cost linear
// work.
func (rd *reader) passedOn(m int, x expr) (expr, int) {
	name, ok := strings.CutPrefix(string(x.source), "var.")
	if name, ok = strings.CutSuffix(name, "\n"); !ok || m == 0 || strings.ContainsAny(name, ".[\n") {
		return x, 0 // var.user.name, var.users[0], or more than a variable
	}
	k := configKey{m, name}
	if p, ok := rd.passed[k]; ok {
		return p.x, p.up
	}
	rd.passed[k] = passed{x, 0} // a cycle, which only a hand-made plan has, stops here
	call := rd.numbered[m].call
	in, given := call.inputs.get(name)
	if !call.given || !given || !in.refs || in.instance || len(in.source) == 0 {
		return x, 0
	}
	to, up := rd.passedOn(call.parent, in)
	rd.passed[k] = passed{to, up + 1}
	return to, up + 1
}

// Configured reports how the configuration of rc sets its attributes; an
// attribute it omits is absent (Unset). ok is false when the plan carries
// no configuration for it (old formats), in which case an attribute's
// absence says nothing.
func (p *Plan) Configured(rc *Change) (attrs Settings, ok bool) {
	k, found := p.configKey(rc)
	if !found {
		return nil, false
	}
	attrs, ok = p.configured[k]
	return attrs, ok
}

// configKey finds the configuration resource of rc; found is false when
// the plan has no configuration for its module.
func (p *Plan) configKey(rc *Change) (k resourceKey, found bool) {
	if p.configured == nil {
		return k, false
	}
	module, found := 0, true
	moduleNames(rc.ModuleAddress, func(name string, _ int) bool {
		module, found = p.modules[configKey{module, name}]
		return found
	})
	return resourceKey{module, rc.Type, rc.Name}, found // not found: a module the configuration does not show
}

// Source tells where the configuration of rc reads an attribute that is
// known only after apply: a number for its references (see SourceRefs),
// the same for every resource that reads the same ones, and the module
// instance they are read in. That is rc's own, or a caller's when rc's
// module only passes on what its call gives it (user = var.user, given
// aws_iam_user.ci.id). Two resources whose sources have one number and one
// module instance read the same value. ok is false when the attribute is
// not set from other objects alike in every instance (count, each).
func (p *Plan) Source(rc *Change, attr string) (id int, module string, ok bool) {
	k, found := p.configKey(rc)
	if !found {
		return 0, "", false
	}
	for _, a := range p.configured[k] {
		if a.Name == attr && a.hasSource {
			return a.source.id, callerModule(rc.ModuleAddress, a.source.up), true
		}
	}
	return 0, "", false
}

// callerModule is the address of the module instance up calls above the
// one at addr ("" for the root module).
func callerModule(addr string, up int) string {
	if up == 0 {
		return addr
	}
	var steps []int // where each module.NAME step starts
	moduleNames(addr, func(_ string, at int) bool {
		steps = append(steps, at-len("module."))
		return true
	})
	if up >= len(steps) {
		return ""
	}
	return strings.TrimSuffix(addr[:steps[len(steps)-up]], ".")
}

// Region gives the region of the provider configuration rc uses, when the
// configuration gives it as a constant.
func (p *Plan) Region(rc *Change) (string, bool) {
	provider, ok := p.Provider(rc)
	if !ok {
		return "", false
	}
	r, ok := p.regions[provider]
	return r, ok
}

// Provider gives the provider configuration rc uses, as the configuration
// names it ("aws", "aws.prod", "module.m:aws"); ok is false when the plan
// does not show its configuration.
func (p *Plan) Provider(rc *Change) (string, bool) {
	k, found := p.configKey(rc)
	if !found {
		return "", false
	}
	name, ok := p.providers[k]
	return name, ok
}

// Account names the account of rc's object, as far as the configuration
// tells: its AWS provider configuration's (see addAccount). ok is false
// when the plan does not show which provider configuration rc uses (an
// object whose configuration is gone).
func (p *Plan) Account(rc *Change) (string, bool) { return p.accountOf(rc, p.accounts) }

// AccountAlike is Account of the configurations that may be one account:
// those that write their credentials alike, if from elsewhere (see
// addAccount). A rule that must not miss a comparison of one account's
// objects (IG109) compares these; one that must not credit another
// account's object (IG501) asks Account.
func (p *Plan) AccountAlike(rc *Change) (string, bool) { return p.accountOf(rc, p.alike) }

// AccountsApart reports whether the plan shows the configurations of a
// and b to be two accounts: each gives the arguments that choose its
// account as constants alone, not read from elsewhere nor left to the
// environment (a block that sets none), and not the same ones. Others may
// be one account: an alias that reads the same variables, say.
func (p *Plan) AccountsApart(a, b *Change) bool {
	if a == nil || b == nil {
		return false
	}
	ia, oka := p.Account(a)
	ib, okb := p.Account(b)
	return oka && okb && IDsApart(ia, ib)
}

// IDsApart is AccountsApart of two accounts as Account names them.
func IDsApart(a, b string) bool {
	constant := func(id string) bool { return id != "" && !strings.HasPrefix(id, "\x00") }
	return a != b && constant(a) && constant(b)
}

// RolesApart reports whether a and b, accounts as Account names them, are
// two accounts by the roles they assume: roles of two account IDs, named by
// constant ARNs. Two sets of credentials alone may be one account's.
func RolesApart(a, b string) bool { return a != b && RoleAccount(a) && RoleAccount(b) }

// RoleAccount reports whether id, an account as Account names it, is one
// by the role it assumes, named by a constant ARN.
func RoleAccount(id string) bool { return strings.HasPrefix(id, roleAccountPrefix) }

func (p *Plan) accountOf(rc *Change, accounts map[string]string) (string, bool) {
	provider, ok := p.Provider(rc)
	if !ok {
		return "", false
	}
	if id, found := accounts[provider]; found {
		return id, true
	}
	return "\x00" + provider, true // a configuration the plan does not show: its own
}

// SourceRefs gives the references of a Source, one a line, in the order
// Terraform lists them.
func (p *Plan) SourceRefs(id int) string { return p.sourceRefs[id] }

// moduleOf is the module address of a resource instance's address
// (module.a["k"] of module.a["k"].aws_x.y[0]; module.m.data of
// module.m.data.aws_arn.x): what comes before its last two steps, the type
// and the name with its key. ok is false for an address Terraform never
// writes: one without the steps of a resource instance's (module.NAME[KEY]
// pairs, then "data" for a data source, the type and the name), a step
// that is not a name (of letters in any script, digits, "_" and "-"), or
// an instance key anywhere but on a module's name and the resource's, or
// other than digits, a quoted string, or "*" for instances not known yet
// (a deferred change's). "aws_iam_access_key.a (deposed 1)" is not, nor may
// it stand for another object; "aws_x.[0]" names no resource of the
// configuration, whose settings would then be unknown (round 169).
func moduleOf(addr string) (module string, ok bool) {
	module, _, _, ok = resourceOf(addr, nil)
	return module, ok
}

// resourceOf is moduleOf, with the resource's type and name (without its
// key), and each module call's name given to call, if not nil, as it
// comes: one pass over the address, as it runs for every instance listed.
func resourceOf(addr string, call func(name string)) (module, typ, name string, ok bool) {
	const (
		atStart = iota // a module call or the resource may come
		atCall         // a module call's name
		atType         // a data source's type
		atName         // the resource's name
		atDone         // nothing more
	)
	at, last := atStart, [2]int{} // where the last two steps start
	for i := 0; i < len(addr); {
		from := i
		for i < len(addr) && addr[i] != '.' && addr[i] != '[' {
			if !nameByte[addr[i]] {
				return "", "", "", false
			}
			i++
		}
		step, keyed := addr[from:i], false
		if i < len(addr) && addr[i] == '[' {
			end := keyEnd(addr[i:])
			if end < 0 {
				return "", "", "", false
			}
			keyed, i = true, i+end
		}
		if step == "" || keyed && at != atCall && at != atName {
			return "", "", "", false
		}
		switch {
		case at == atStart && step == "module" && !keyed:
			at = atCall
		case at == atCall:
			if call != nil {
				call(step)
			}
			at = atStart
		case at == atStart && step == "data":
			at = atType
		case at == atStart || at == atType:
			typ, at = step, atName
		case at == atName:
			name, at = step, atDone
		default:
			return "", "", "", false
		}
		last[0], last[1] = last[1], from
		if i < len(addr) {
			if addr[i] != '.' || i+1 == len(addr) {
				return "", "", "", false
			}
			i++
		}
	}
	if at != atDone {
		return "", "", "", false
	}
	if last[0] == 0 {
		return "", typ, name, true
	}
	return addr[:last[0]-1], typ, name, true
}

// nameByte tells the bytes of a step of an address: letters in any script,
// digits, "_" and "-".
var nameByte = func() (t [256]bool) {
	for c := range t {
		t[c] = c == '_' || c == '-' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= utf8.RuneSelf
	}
	return t
}()

// keyEnd gives the length of the instance key s starts with ([0], ["k"],
// [*]), or -1 when it starts with none.
func keyEnd(s string) int {
	switch {
	case strings.HasPrefix(s, "[*]"):
		return 3
	case strings.HasPrefix(s, `["`):
		for i, escaped := 2, false; i < len(s); i++ {
			switch {
			case escaped:
				escaped = false
			case s[i] == '\\':
				escaped = true
			case s[i] == '"':
				if i+1 < len(s) && s[i+1] == ']' {
					return i + 2
				}
				return -1
			}
		}
		return -1
	}
	n := 1
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	if n == 1 || n == len(s) || s[n] != ']' {
		return -1
	}
	return n + 1
}

// moduleNames calls name with each module call's name in a module address
// (module.a[0].module.b["k"]: a, then b), instance keys skipped, and where
// in addr the name starts, until it returns false. It allocates nothing:
// it runs for every kept change.
func moduleNames(addr string, name func(name string, at int) bool) {
	depth, quoted, escaped := 0, false, false
	start, segment := -1, 0 // start of the current segment, -1 outside one
	end := func(i int) bool {
		seg := addr[start:i]
		start, segment = -1, segment+1
		return segment%2 == 1 || name(seg, i-len(seg)) // module, a, module, b
	}
	for i := 0; i < len(addr); i++ {
		c := addr[i]
		switch {
		case quoted:
			if escaped {
				escaped = false
			} else if c == '\\' {
				escaped = true
			} else if c == '"' {
				quoted = false
			}
		case c == '"' && depth > 0:
			quoted = true
		case c == '[':
			if depth == 0 && start >= 0 && !end(i) {
				return
			}
			depth++
		case c == ']' && depth > 0:
			depth--
		case depth > 0:
		case c == '.':
			if start >= 0 && !end(i) {
				return
			}
		case start < 0:
			start = i
		}
	}
	if start >= 0 {
		end(len(addr))
	}
}
