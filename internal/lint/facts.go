package lint

import (
	"math/big"
	"slices"
	"strconv"
	"strings"
	"time"

	tfjson "github.com/hashicorp/terraform-json"

	"github.com/iamguard/terraform-provider-iamguard/internal/inspect"
	"github.com/iamguard/terraform-provider-iamguard/internal/plan"
	"github.com/iamguard/terraform-provider-iamguard/internal/rules"
)

// This file collects facts across resources for the rules that judge sets:
// a user's access keys, the account's SSH keys, a user's new signing
// certificates. The verdicts themselves come from internal/rules.

// gatherFacts gathers the facts across resources that the judged changes
// need, while the whole plan is at hand.
func (l *linter) gatherFacts(judged []*change) {
	types := map[string]bool{}
	for _, c := range judged {
		types[c.rc.Type] = true
	}
	l.markSensitiveUsers(types)
	if types["aws_iam_access_key"] {
		l.groupAccessKeys()
	}
	if types["aws_iam_user_ssh_key"] {
		l.sshKeyFindings()
	}
	if types["aws_iam_signing_certificate"] {
		l.signingBest = l.signingReplacements()
		l.keepCredentialUsers()
	}
	if types["aws_iam_user_ssh_key"] || types["aws_iam_signing_certificate"] {
		l.dormant = l.dormantCredentials()
	}
	if types["aws_iam_account_password_policy"] {
		l.standing = l.standingPolicies()
	}
	if types["aws_cloudtrail"] {
		l.keptNames, l.recorders = l.keptTrailNames(), l.iamRecorders()
	}
}

// userAttrs is the attribute naming the user, of each credential type the
// linter reads.
var userAttrs = map[string]string{"aws_iam_access_key": "user", "aws_iam_user_ssh_key": "username",
	"aws_iam_signing_certificate": "user_name", "aws_iam_user_login_profile": "user"}

// markSensitiveUsers marks the users whose name a credential marks
// sensitive, on either side of its change or in prior state, before any
// message names them (aws_iam_user objects mark theirs as they are read,
// see readUsers). One spelling withheld withholds the name in every
// message, whichever object it is about (see withheld).
func (l *linter) markSensitiveUsers(types map[string]bool) {
	if len(types) == 0 {
		return // nothing is judged, and no message names a user
	}
	mark := func(o appliedObject, attr string) {
		if o.attrs().isSensitive(attr) {
			if key := l.userOf(o, attr).key; key != "" {
				l.sensitiveUsers[key] = true
			}
		}
	}
	for i, r := range l.plan.Prior {
		if attr, ok := userAttrs[r.Type]; ok {
			mark(appliedObject{prior: &l.plan.Prior[i]}, attr)
		}
	}
	for _, c := range slices.Concat(l.changes, l.orphans) {
		attr, ok := userAttrs[c.rc.Type]
		if !ok {
			continue
		}
		if c.before().values != nil {
			mark(appliedObject{change: c, forgotten: true}, attr) // its user as it was
		}
		if !c.removed {
			mark(appliedObject{change: c}, attr)
		}
	}
}

// withheld marks a user's name sensitive when any object marks it so (see
// markSensitiveUsers).
func (l *linter) withheld(u user) rules.Value[string] {
	u.name.Sensitive = u.name.Sensitive || u.key != "" && l.sensitiveUsers[u.key]
	return u.name
}

// standingPolicy is an object of the account's password policy as it
// stands before the plan is applied, other than a created one: one in prior
// state the plan leaves alone (a -target plan), or one a change forgets,
// keeps or replaces. The account has one policy, so a policy created beside
// such an object in its account replaces the policy it shows (or may: a
// replacement is applied beside it in no fixed order).
type standingPolicy struct {
	address string
	policy  rules.PasswordPolicy
	account string // its account (plan.AccountAlike), where the plan shows it
	shown   bool
	strict  string // its account as plan.Account names it, for plan.RolesApart
}

// standingPolicies finds the objects of the password policy that stand
// before the plan is applied (see standingPolicy).
func (l *linter) standingPolicies() []standingPolicy {
	l.mustHavePlan()
	const typ = "aws_iam_account_password_policy"
	var out []standingPolicy
	add := func(address string, rc *plan.Change, a attrs) {
		account, shown := l.plan.AccountAlike(rc)
		strict, _ := l.plan.Account(rc)
		out = append(out, standingPolicy{address, passwordPolicy(a), account, shown, strict})
	}
	for i := range l.plan.Prior {
		if r := &l.plan.Prior[i]; r.Type == typ && r.DeposedKey == "" {
			add(r.Address, priorRef(r), appliedObject{prior: r}.attrs())
		}
	}
	for _, c := range l.changes {
		if c.rc.Type != typ || c.rc.DeposedKey != "" || c.removed || c.action == "create" {
			continue
		}
		if before := c.before(); before.values != nil {
			add(c.rc.Address, c.rc, before)
		}
	}
	return out
}

// accountPolicy is the standing policy a policy c creates replaces: with
// one account (plan.AccountAlike: a weaker policy is compared unless the
// plan shows the accounts may differ), the stricter of every standing one
// (rules.StricterPolicy); with more, of those of c's own account. other is a
// standing policy that may or may not be c's account's (another account's,
// or one whose configuration the plan does not show).
func (l *linter) accountPolicy(c *change) (same *rules.PasswordPolicy, other *standingPolicy) {
	if len(l.standing) == 0 {
		return nil, nil
	}
	one := l.plan.AWSAccountsAlike <= 1
	if l.standingBy == nil { // by account shown; all under "" with one account
		l.standingBy = map[string]*rules.PasswordPolicy{}
		for _, p := range l.standing {
			if !one && !p.shown {
				continue
			}
			key := p.account
			if one {
				key = ""
			}
			if s := l.standingBy[key]; s != nil {
				*s = rules.StricterPolicy(*s, p.policy)
			} else {
				l.standingBy[key] = &p.policy
			}
		}
	}
	if one {
		return l.standingBy[""], nil
	}
	if account, shown := l.plan.AccountAlike(c.rc); shown && l.standingBy[account] != nil {
		return l.standingBy[account], nil
	}
	// One of a role the plan names in another account is not c's (round
	// 293: a policy of account 222222222222 "may be" 111111111111's). Other
	// credentials than c's may be the same account's.
	// The answer is the account's, found once for each (round 319: a
	// search for each created policy was quadratic).
	strict, _ := l.plan.Account(c.rc)
	i, found := l.otherBy[strict]
	if !found {
		i = slices.IndexFunc(l.standing, func(p standingPolicy) bool { return !p.shown || !plan.RolesApart(p.strict, strict) })
		if l.otherBy == nil {
			l.otherBy = map[string]int{}
		}
		l.otherBy[strict] = i
	}
	if i < 0 {
		return nil, nil
	}
	return nil, &l.standing[i]
}

// mustHavePlan stops a fact from being gathered after Lint let the plan's
// changes go, which would judge with a fact made of nothing: gatherFacts
// must gather every fact a judge asks for.
func (l *linter) mustHavePlan() {
	if l.plan.Changes == nil { // l.changes is empty when the plan only destroys deposed objects
		panic("lint: a fact across resources was asked for after the plan was let go; gather it in gatherFacts")
	}
}

// appliedObject is a resource as it stands once the plan is applied: a
// change, or a resource in prior state only, or the old object a
// replacement forgets (it stays in AWS as it was).
type appliedObject struct {
	address   string
	change    *change
	prior     *plan.Resource // when change is nil
	forgotten bool           // change's before side, which it forgets
}

// ref is the change that names o's configuration (its module, type and
// name), for what is looked up by it: provider, account, settings.
// standing reports whether o was there before the plan: the plan leaves
// it, updates it or forgets it, rather than making it.
func (o appliedObject) standing() bool {
	return o.change == nil || o.forgotten || o.change.action != "create" && o.change.action != "replace"
}

func (o appliedObject) ref() *plan.Change {
	if o.change != nil {
		return o.change.rc
	}
	return priorRef(o.prior)
}

// priorRef is a change that names the configuration of a resource in
// prior state, as ref does.
func priorRef(r *plan.Resource) *plan.Change {
	return &plan.Change{ModuleAddress: r.ModuleAddress, Type: r.Type, Name: r.Name}
}

func (o appliedObject) attrs() attrs {
	switch {
	case o.forgotten:
		return o.change.before()
	case o.change != nil:
		return o.change.after()
	}
	return attrs{values: o.prior.Values, sensitive: o.prior.Sensitive}
}

// forgetsOld reports whether a change replaces its object by forgetting the
// old one ("create" with "forget", lifecycle destroy = false): the old
// object stays in AWS beside the new one.
func (c *change) forgetsOld() bool {
	return c.action == "replace" && slices.Contains(c.rc.Actions, "forget") && c.before().values != nil
}

// applied returns the resources of type typ that exist once the plan is
// applied, in address order: those in prior state the plan leaves alone,
// and what it creates, updates or keeps, and what it forgets (which stays
// in AWS as it was). Of entries with one address, the last in the plan
// counts, and a change counts over prior state.
func (l *linter) applied(typ string) []appliedObject {
	l.mustHavePlan()
	n := 0
	for _, c := range l.changes {
		if c.rc.Type == typ {
			n++
		}
	}
	all := make([]appliedObject, 0, n)
	for i, r := range l.plan.Prior {
		if r.Type == typ {
			all = append(all, appliedObject{address: objectAddress(r.Address, r.DeposedKey), prior: &l.plan.Prior[i]})
		}
	}
	for _, c := range l.changes {
		if c.rc.Type == typ {
			all = append(all, appliedObject{address: objectAddress(c.rc.Address, c.rc.DeposedKey), change: c})
			if c.forgetsOld() {
				all = append(all, appliedObject{address: c.rc.Address + forgottenSuffix, change: c, forgotten: true})
			}
		}
	}
	slices.SortStableFunc(all, func(a, b appliedObject) int { return strings.Compare(a.address, b.address) })
	out := all[:0]
	attr, credential := userAttrs[typ]
	for i, o := range all {
		if i+1 < len(all) && all[i+1].address == o.address || o.change != nil && o.change.removed || credential && l.goneWithUser(o, attr) {
			continue
		}
		out = append(out, o)
	}
	return out
}

// forgottenSuffix names the old object a replacement forgets (see
// forgetsOld) apart from the new one at its address.
const forgottenSuffix = " (forgotten)"

// objectAddress names an object: a deposed one is another object than the
// one at its address.
func objectAddress(address, deposedKey string) string {
	if deposedKey == "" {
		return address
	}
	return address + " (deposed " + deposedKey + ")"
}

// userKey groups by IAM user name, which AWS compares case-insensitively.
func userKey(name string) string { return rules.FoldName(name) }

// user is whom an object belongs to: the name to show, and the key that
// tells users apart. A vague user, known only after apply, may also be
// another key's user: its objects are one user's, but objects of other
// users may be its too.
type user struct {
	name  rules.Value[string]
	key   string
	vague bool
}

// later reports whether u is known only after apply (see sourceUser): an
// aws_iam_user whose name the plan does not give, whose objects are its
// alone among the aws_iam_user resources, but which a name given outright
// may be too; or a vague user.
func (u user) later() bool { return strings.HasPrefix(u.key, "\x00") }

// laterName ends the name userOf gives a user known only after apply.
const laterName = " (known after apply)"

// sourced is a user known only after apply, by where its name comes from.
type sourced struct {
	module string // the module instance
	id     int    // plan.Source
}

// userOf reads the user an object belongs to (attr: user or username). A
// name known only after apply that the configuration reads from other
// objects alike in every instance stands for the user by where it comes
// from (see sourceUser), so that the objects of one module instance that
// read it alike count for one user. A name read per instance (count,
// each) cannot be told apart from others': its user is vague and alone.
func (l *linter) userOf(o appliedObject, attr string) user {
	u := o.attrs().str(attr, "")
	if !u.Unknown || u.Unreadable || o.change == nil || o.forgotten {
		return user{name: u, key: userKey(u.V)}
	}
	id, module, ok := l.plan.Source(o.change.rc, attr)
	if !ok {
		return user{name: u, vague: true}
	}
	// Not kept per module instance: with a name each, 150,000 instances
	// would keep 120 MB.
	su := l.sourceUser(sourced{module, id})
	su.name.Sensitive = su.name.Sensitive || u.Sensitive
	return su
}

// sourceRead is what the references of a source (plan.Source) read, the
// same in every module instance.
type sourceRead struct {
	refs []string // the most precise ones (see mostPrecise)
	// user numbers the aws_iam_user they read by ID or name (see
	// linter.users); -1 for none. ref is that user as userRef gives it
	// ("ci[0]"), by which userNames has its names by module instance.
	user int
	ref  string
	// counted and countedRef are user and ref where the aws_iam_user,
	// named resource, is counted, for a key read apart for counted and
	// for_each objects (["01"], see userIndex); counted is -1 for none.
	resource   string
	counted    int
	countedRef string
}

// sourceUser is the user that a name read from a source stands for. One
// aws_iam_user, by its ID or its name, is that user in the module
// instance: the user of the name the plan gives it (see readUsers),
// else a user that every object reading that aws_iam_user counts for, and
// no object reading another. Any other source (a local, an input, a
// module's output, a data source, another resource or attribute, a choice
// of users) is vague: the objects that read it are one user's, but other
// sources may name that user too. What is done here for each module
// instance is in proportion to its address, not to the references.
func (l *linter) sourceUser(src sourced) user {
	read, ok := l.sourceReads[src.id]
	if !ok {
		read = l.readSource(src.id)
		l.sourceReads[src.id] = read
	}
	n, ref := read.user, read.ref
	if read.counted >= 0 {
		switch l.userKeys[[2]string{src.module, read.resource}] {
		case countKeys:
			n, ref = read.counted, read.countedRef
		case countKeys | eachKeys: // only a hand-made plan: either may be meant
			n = -1
		}
	}
	if n >= 0 {
		name, ok := l.userNames[[2]string{ref, src.module}]
		switch {
		case !ok: // the plan does not give its name: the user read there
			return user{name: rules.Value[string]{V: sourceName(src.module, read.refs)}, key: "\x00" + src.module + "\x01" + strconv.Itoa(n)}
		case !name.Unreadable:
			return user{name: name, key: userKey(name.V)}
		}
		// Two objects at one address (see readUsers): either may be meant.
	}
	return user{name: rules.Value[string]{V: sourceName(src.module, read.refs)}, key: "\x00" + src.module + "\x02" + strconv.Itoa(src.id), vague: true}
}

// readSource finds what the references of source id read (sourceRead).
func (l *linter) readSource(id int) sourceRead {
	refs := mostPrecise(strings.Split(strings.TrimSuffix(l.plan.SourceRefs(id), "\n"), "\n"))
	read := sourceRead{refs: refs, user: -1, counted: -1}
	if len(refs) != 1 {
		return read
	}
	u, counted, ok := userRef(refs[0])
	if !ok {
		return read
	}
	read.user, read.ref = l.userNumber(u), u
	if counted != "" {
		read.resource, _, _ = strings.Cut(counted, "[")
		read.counted, read.countedRef = l.userNumber(counted), counted
	}
	return read
}

// userNumber numbers the aws_iam_user u (see linter.users).
func (l *linter) userNumber(u string) int {
	n, seen := l.users[u]
	if !seen {
		n = len(l.users)
		l.users[u] = n
	}
	return n
}

// userRef reads a reference to an IAM user's ID or name,
// aws_iam_user.NAME.id or .name with an optional instance key, and gives
// the user as NAME and key, and the one it reads if NAME is counted
// (see userIndex); ok is false for any other reference: another
// attribute, the object, a splat.
func userRef(ref string) (user, counted string, ok bool) {
	rest, ok := strings.CutPrefix(ref, userType+".")
	if !ok {
		return "", "", false
	}
	attr := strings.LastIndexByte(rest, '.')
	if attr < 0 || rest[attr:] != ".id" && rest[attr:] != ".name" {
		return "", "", false
	}
	rest = rest[:attr]
	name := strings.IndexByte(rest, '[')
	if name < 0 {
		name = len(rest)
	}
	if name == 0 || strings.ContainsAny(rest[:name], ".\"\\ ") {
		return "", "", false
	}
	index, counted, ok := userIndex(rest[name:])
	if counted != "" {
		counted = rest[:name] + counted
	}
	return rest[:name] + index, counted, ok
}

// userIndex spells an instance key, of an object's address or of a
// reference to it, one way for each object Terraform reads it as. A number
// is a count index, [1], and a string a for_each key, ["a"], but a string
// of a whole number's digits is spelt as the number, [1] for ["1"]:
// Terraform reads the index u[1] as the for_each key "1", and the key
// u["1"] as the count index 1 (a reference keeps the type written). Any
// other string that converts to a whole number, ["01"], ["1e0"], is that
// number's index only where the object is counted: counted is then that
// index, [1], and "" for any other key. ok is false for text that is not
// one key (["a"].b, [*]). The work is linear in the key's length: digits
// are read as text, and a string key converted as countIndex allows.
func userIndex(index string) (key, counted string, ok bool) {
	if index == "" {
		return "", "", true
	}
	if len(index) < 3 || index[0] != '[' || index[len(index)-1] != ']' {
		return "", "", false
	}
	key = index[1 : len(index)-1]
	if strings.Trim(key, "0123456789") == "" { // a number
		if key = strings.TrimLeft(key, "0"); key == "" {
			key = "0"
		}
		return "[" + key + "]", "", true
	}
	key, err := strconv.Unquote(key)
	if err != nil {
		return "", "", false
	}
	if key != "" && strings.Trim(key, "0123456789") == "" && (key == "0" || key[0] != '0') { // round 171: [""] panicked
		return "[" + key + "]", "", true
	}
	if n, ok := countIndex(key); ok {
		counted = "[" + strconv.FormatInt(n, 10) + "]"
	}
	return index, counted, true
}

// maxIndexKey bounds the string keys countIndex converts: big.ParseFloat
// takes time and memory in the square of a number's length (700 keys of
// 65,000 digits took 8.7 s).
const maxIndexKey = 1 << 10

// countIndex is the index of a counted object that Terraform reads string
// key s as: it converts s to a number at 512 bits (cty.ParseNumberVal),
// and a whole number from 0 indexes the objects. ok is false for any other
// key, and for one past maxIndexKey bytes once its leading zeros are
// dropped: only a hand-made plan holds one.
func countIndex(s string) (int64, bool) {
	sign := ""
	if s != "" && (s[0] == '+' || s[0] == '-') {
		sign, s = s[:1], s[1:]
	}
	if digits := strings.TrimLeft(s, "0"); len(digits) < len(s) {
		s = "0" + digits // the same number ("0e5" stays one)
	}
	if len(s) > maxIndexKey {
		return 0, false
	}
	f, _, err := big.ParseFloat(sign+s, 10, 512, big.ToNearestEven)
	if err != nil || !f.IsInt() || f.Sign() < 0 || f.Cmp(big.NewFloat(1<<40)) >= 0 {
		return 0, false
	}
	n, _ := f.Int64()
	return n, true
}

// sourceName names a user by the (most precise) references its name is
// read from, in the module instance, so that coalesce(var.x,
// aws_iam_user.a.id) and coalesce(var.x, aws_iam_user.b.id) read apart.
// It stops past what a message shows (rules.Value.Quote).
func sourceName(module string, refs []string) string {
	var b strings.Builder
	if module != "" {
		b.WriteString(module + ".")
	}
	for i, r := range refs {
		if b.Len() > 256 {
			break
		}
		if i > 0 {
			b.WriteString(", ")
			if module != "" {
				b.WriteString(module + ".")
			}
		}
		if len(r) > 512 {
			r = strings.ToValidUTF8(r[:512], "") // a message shows no more
		}
		b.WriteString(r)
	}
	return b.String() + laterName
}

// mostPrecise keeps, of the references Terraform lists for an expression,
// each once and the most precise only: Terraform lists a reference with
// each shorter one it holds, one step at a time (aws_iam_user.ci.id, then
// aws_iam_user.ci), so a reference that is another's parent is left out.
func mostPrecise(refs []string) []string {
	covered := make(map[string]bool, len(refs))
	for _, r := range refs {
		if p := parentRef(r); p != "" {
			covered[p] = true
		}
	}
	var out []string
	for _, r := range refs {
		if !covered[r] {
			covered[r] = true // once
			out = append(out, r)
		}
	}
	return out
}

// parentRef is a reference less its last step (.attr or [key]), or "".
func parentRef(r string) string {
	last := 0
	quoted, escaped := false, false // in an instance key such as ["a.b"]
	for i := 1; i < len(r); i++ {
		switch c := r[i]; {
		case escaped:
			escaped = false
		case quoted && c == '\\':
			escaped = true
		case c == '"':
			quoted = !quoted
		case !quoted && (c == '.' || c == '['):
			last = i
		}
	}
	return r[:last]
}

// readUsers reads the plan's aws_iam_user objects. userNames gets the
// names they have once the plan is applied, where it shows them, by the
// user's name and instance key ("ci[0]", see userIndex) and module
// instance, in one map (50,000 users: about 3 MB, where a map for each
// took 21): the AWS provider's ID of a user is its name, so credentials
// that read either one are that user's, as are those that name it
// outright. A name any of them marks sensitive, planned, deleted or in
// prior state only, is marked for withheld. goneUsers gets the users the
// plan deletes, and keptUsers the names users have once it is applied, in
// any account (see userGone); renamedUsers the new name of each user it
// renames, by accountUser, and retaken the names it renames a user from
// that another user has once it is applied (see renews). clearedUsers gets
// the users it deletes with force_destroy whose name a user has once it is
// applied (see clearedWithUser). userKeys gets the keys of each
// aws_iam_user's addresses, by module instance and name: where they are
// numbers, counted, a string key such as ["01"] reads an index (see
// sourceUser).
func (l *linter) readUsers(p *plan.Plan, changes []*plan.Change) {
	l.userNames = map[[2]string]rules.Value[string]{}
	mark := func(name rules.Value[string]) {
		if name.Sensitive && !name.Unknown && name.V != "" {
			l.sensitiveUsers[userKey(name.V)] = true
		}
	}
	l.goneUsers, l.keptUsers, l.renamedUsers, l.renamedNames = map[string]string{}, map[string]bool{}, map[string]renamed{}, map[string]renamed{}
	var renamedFrom []string            // the names users are renamed from
	l.forcedUsers = map[string]string{} // users deleted with force_destroy: by accountUser, their key
	l.refusedUsers = map[string]bool{}
	l.takenIn, l.heldBefore = map[string]bool{}, map[string]bool{}
	held := func(rc *plan.Change, name rules.Value[string]) {
		if k, ok := l.accountUser(rc, name.V); ok && !name.Unknown && !name.Unreadable && name.V != "" {
			l.heldBefore[k] = true
		}
	}
	keep := func(rc *plan.Change, name rules.Value[string]) {
		l.keptUsers[userKey(name.V)] = true
		if name.Unknown || name.Unreadable {
			l.keptUsers[""] = true // may be any user
		} else if k, ok := l.accountUser(rc, name.V); ok {
			l.takenIn[k] = true
		}
	}
	l.userKeys = map[[2]string]int8{}
	instanceKey := func(module, name, address string) (string, bool) {
		index, ok := strings.CutPrefix(address, userAddress(module, name))
		switch {
		case !ok || index == "":
		case strings.HasPrefix(index, `["`):
			l.userKeys[[2]string{module, name}] |= eachKeys
		default:
			l.userKeys[[2]string{module, name}] |= countKeys
		}
		return index, ok
	}
	// Users that stay as they are keep their names, unless the plan renames
	// the same user at another address (one account holds one user of a
	// name): see below (round 355).
	type standing struct {
		rc   *plan.Change
		name rules.Value[string]
	}
	var stays []standing
	for i, r := range p.Prior {
		if r.Type == userType {
			instanceKey(r.ModuleAddress, r.Name, r.Address)
			name := appliedObject{prior: &p.Prior[i]}.attrs().str("name", "")
			mark(name)
			stays = append(stays, standing{priorRef(&p.Prior[i]), name})
			held(priorRef(&p.Prior[i]), name)
		}
	}
	for _, rc := range changes {
		index, ok := instanceKey(rc.ModuleAddress, rc.Name, rc.Address)
		c := newChange(p, rc)
		name := c.after().str("name", "")
		was := c.before().str("name", "")
		mark(was)
		mark(name)
		if c.action != "create" {
			held(rc, was)
		}
		if slices.Contains(rc.Actions, tfjson.ActionDelete) && c.before().bool("force_destroy", false).V && !was.Unknown && was.V != "" {
			// Whether replaced, deleted for good or deposed: the provider's
			// delete reads force_destroy from state.
			// Replaced creating first under its name, the user is not
			// deleted: IAM refuses the new one (EntityAlreadyExists), and
			// what Terraform orders after it is not done (rounds 274, 276,
			// 278). Under a name known only after apply, either the same
			// (refused) or another (the old user goes, its credentials
			// with it): in neither does it stay without them.
			createFirst := slices.Equal(rc.Actions, tfjson.Actions{tfjson.ActionCreate, tfjson.ActionDelete})
			same := !name.Unknown && userKey(name.V) == userKey(was.V)
			if k, ok := l.accountUser(c.rc, was.V); ok && !(createFirst && (same || name.Unknown)) {
				l.forcedUsers[k] = userKey(was.V)
			}
		}
		if slices.Equal(rc.Actions, tfjson.Actions{tfjson.ActionCreate, tfjson.ActionDelete}) && !name.Unknown && !was.Unknown && userKey(name.V) == userKey(was.V) {
			if k, ok := l.accountUser(c.rc, was.V); ok {
				l.refusedUsers[k] = true
			}
		}
		switch {
		case c.removed && rc.DeposedKey == "":
			if k, ok := l.accountUser(c.rc, was.V); ok && !was.Unknown && was.V != "" {
				l.goneUsers[k] = userKey(was.V)
			}
			continue
		case c.action == "forget":
			stays = append(stays, standing{rc, was}) // it stays in AWS
			continue
		case c.removed || rc.DeposedKey != "":
			continue
		case c.action == "replace" && !was.Unknown && !was.Unreadable && was.V != "" && !name.Unknown && userKey(name.V) != userKey(was.V):
			// Replaced under another name: the old user goes, as one
			// deleted does, unless an object names it once applied
			// (round 280).
			if k, ok := l.accountUser(c.rc, was.V); ok {
				l.goneUsers[k] = userKey(was.V)
			}
		}
		if c.action != "create" && c.action != "replace" && !name.Unknown && !was.Unknown && userKey(name.V) == userKey(was.V) {
			stays = append(stays, standing{rc, name})
		} else {
			keep(rc, name)
		}
		if c.action == "update" && !was.Unknown && !name.Unknown && userKey(was.V) != userKey(name.V) {
			// Renamed (UpdateUser): its credentials go with it.
			from, ok1 := l.accountUser(c.rc, was.V)
			to, ok2 := l.accountUser(c.rc, name.V)
			if ok1 && ok2 {
				l.rename(from, was.V, renamed{to, userKey(name.V), name, rc})
			}
			renamedFrom = append(renamedFrom, userKey(was.V))
		}
		if ok {
			index, _, ok = userIndex(index)
		}
		if c.action == "update" && name.Unknown && !was.Unknown && !was.Unreadable && was.V != "" && ok {
			// Renamed to a name known only after apply, or kept: its
			// credentials are the user's whose name the credentials
			// that read it read (see sourceUser; round 147).
			if from, ok := l.accountUser(c.rc, was.V); ok {
				u := rc.Name + index
				l.rename(from, was.V, renamed{key: "\x00" + from, group: "\x00" + rc.ModuleAddress + "\x01" + strconv.Itoa(l.userNumber(u)),
					name: rules.Value[string]{V: sourceName(rc.ModuleAddress, []string{userType + "." + u + ".name"})}, rc: rc})
			}
		}
		if name.Unknown || name.Unreadable || name.V == "" || !ok {
			continue
		}
		k := [2]string{rc.Name + index, rc.ModuleAddress}
		if was, ok := l.userNames[k]; ok && (was.Unreadable || userKey(was.V) != userKey(name.V)) {
			// A hand-made plan with ci[0] and ci["0"], or one address
			// twice: a reference to it may be either user.
			name = rules.UnreadableValue[string]()
		}
		l.userNames[k] = name
	}
	for _, u := range stays {
		if k, ok := l.accountUser(u.rc, u.name.V); ok && !u.name.Unknown && !u.name.Unreadable {
			if _, renamed := l.renamedUsers[k]; renamed {
				continue // the same user, renamed: the name is free
			}
		}
		keep(u.rc, u.name)
	}
	l.retaken = map[string]bool{}
	for _, k := range renamedFrom {
		l.retaken[k] = l.keptUsers[k] // another user has the name once applied
	}
	// Users only: a credential that names a user deleted for good does not
	// bring it back (see keepCredentialUsers).
	l.clearedUsers = map[string]bool{}
	for k, u := range l.forcedUsers {
		if l.keptUsers[u] || l.keptUsers[""] {
			l.clearedUsers[k] = true
		}
	}
}

// goneWithUser reports whether o, a credential there before the plan (the
// plan leaves it, updates it or forgets it), goes with its user, whom the
// plan deletes with force_destroy: the AWS provider deletes the user's
// keys, SSH keys, signing certificates and login profile first (round 273:
// a key forgotten as its user left was IG204).
func (l *linter) goneWithUser(o appliedObject, attr string) bool {
	if len(l.forcedUsers) == 0 || !o.standing() {
		return false
	}
	u := o.attrs().str(attr, "")
	k, ok := l.accountUser(o.ref(), u.V)
	return ok && !u.Unknown && !u.Unreadable && u.V != "" && l.forcedUsers[k] != ""
}

// renamed is the new name of a user the plan renames: by accountUser, as
// the plan gives it, and the key of user that tells it apart (see
// ownerOf).
type renamed struct {
	key, group string
	name       rules.Value[string]
	rc         *plan.Change // the user's
}

// The keys an aws_iam_user's instances have (see readUsers).
const (
	countKeys int8 = 1 << iota // numbers: count
	eachKeys                   // strings: for_each
)

// userAddress is the address of aws_iam_user.NAME in a module instance,
// less the instance key.
func userAddress(module, name string) string {
	if module != "" {
		return module + "." + userType + "." + name
	}
	return userType + "." + name
}

// keepCredentialUsers adds to keptUsers the users of the credentials there
// once the plan is applied: a user deleted beside a credential that names
// it is not gone.
func (l *linter) keepCredentialUsers() {
	if len(l.goneUsers) == 0 {
		return
	}
	for typ, attr := range userAttrs {
		for _, o := range l.applied(typ) {
			u := l.userOf(o, attr)
			l.keptUsers[u.key] = true // "" when it may be any user
		}
	}
}

// userGone reports whether the plan deletes the user named user of c's
// account, and no object has that name once it is applied.
func (l *linter) userGone(c *change, user string) bool {
	k, ok := l.accountUser(c.rc, user)
	u := l.goneUsers[k]
	return ok && u != "" && !l.keptUsers[u] && !l.keptUsers[""]
}

// groupAccessKeys chains the access keys that exist once the plan is
// applied by user, in address order (keyNext), and marks each judged key's
// change with its user's set (keySet). Keys whose user is known only after
// apply, and not read alike from elsewhere (see userOf), are alone. The
// sets are judged as their first judged key is (keySetFacts), so that their
// findings are made, and their keys let go, one user at a time.
func (l *linter) groupAccessKeys() {
	l.keys = l.applied("aws_iam_access_key")
	l.keysNaming = map[string]int{}
	for i := 0; i < len(l.keys) && len(l.renamedNames) > 0; i++ { // only a rename reads it
		if u := l.userOf(l.keys[i], "user"); !u.name.Unknown && !u.vague {
			l.keysNaming[userKey(u.name.V)]++
		}
	}
	l.keyNext = make([]int32, len(l.keys))
	owners, accounts := make([]user, len(l.keys)), make([]string, len(l.keys))
	// A user's keys are one set across accounts (see the README), but for
	// accounts the plan shows apart by the roles they assume, when every
	// key of that name is in one (round 293: one service user in each of
	// two role accounts was IG203): then one set a role account.
	byRole := map[string]bool{}
	for i, o := range l.keys {
		owners[i] = l.ownerOf(o, "user")
		accounts[i], _ = l.plan.Account(o.ref())
		if u := owners[i]; !u.name.Unknown && u.name.V != "" {
			all, seen := byRole[u.key]
			byRole[u.key] = plan.RoleAccount(accounts[i]) && (all || !seen)
		}
	}
	var heads []int32          // each set's first key
	last := map[string]int32{} // a user's last key so far
	later := false             // a user named only after apply owns a key
	for i, o := range l.keys {
		l.keyNext[i] = -1
		if status := keyStatus(o); status.Unknown || status.V == "Active" {
			l.activeKeys++
		}
		u := owners[i]
		later = later || u.later()
		if u.name.Unknown || u.name.V == "" {
			heads = append(heads, int32(i)) // alone
			continue
		}
		set := u.key
		if byRole[u.key] {
			set += "\x00" + accounts[i]
		}
		if j, ok := last[set]; ok {
			l.keyNext[j] = int32(i)
		} else {
			heads = append(heads, int32(i))
		}
		last[set] = int32(i)
	}
	for _, head := range heads {
		for i := head; i >= 0; i = l.keyNext[i] {
			if c := l.judgedKey(i); c != nil {
				c.keySet = head + 1
			}
		}
	}
	l.keyFacts = map[*change][]rules.Finding{}
	if later {
		l.countUnheld()
	}
}

// countUnheld counts, by account, the keys that are or may be active once
// the plan is applied of users named outright whom no aws_iam_user of
// their account holds and no key there before the plan shows existed: the
// keys an aws_iam_user named only after apply may hold too (activeUnheld).
// IAM refuses to create a user, or rename one, to a name that exists.
func (l *linter) countUnheld() {
	existed := map[string]bool{}
	for _, o := range l.keys {
		if u := o.attrs().str("user", ""); o.standing() && !u.Unknown && !u.Unreadable && u.V != "" {
			if k, ok := l.accountUser(o.ref(), u.V); ok {
				existed[k] = true
			}
		}
	}
	l.activeUnheld = map[string]int{}
	for _, o := range l.keys {
		if status := keyStatus(o); !status.Unknown && status.V != "Active" {
			continue
		}
		if u := l.ownerOf(o, "user"); !u.later() && !u.vague && !u.name.Unknown && u.name.V != "" {
			if k, ok := l.accountUser(o.ref(), u.name.V); ok && !l.takenIn[k] && !existed[k] {
				l.activeUnheld[l.accountID(o.ref())]++
			}
		}
	}
}

// rename notes that the plan renames user was (from, by accountUser) to
// r, in renamedUsers and, by name alone, in renamedNames, where a name two
// accounts rename to different users is renamed to none.
func (l *linter) rename(from, was string, r renamed) {
	l.renamedUsers[from] = r
	k := userKey(was)
	if other, ok := l.renamedNames[k]; ok && other.group != r.group {
		r = renamed{}
	}
	l.renamedNames[k] = r
}

// renamedElsewhere is the rename of the user named name (k by accountUser
// in rc's configuration) by a configuration the plan does not show to be
// another account than rc's (plan.AccountsApart: an alias that reads the
// same variables, a block that leaves it to the environment; round 251),
// which rc's credentials would go with. None when rc's account held a user
// of that name before the plan: one account holds one user of a name, so
// the two are accounts apart (round 253).
func (l *linter) renamedElsewhere(rc *plan.Change, k, name string) (renamed, bool) {
	to, ok := l.renamedNames[userKey(name)]
	if !ok || to.group == "" || l.heldBefore[k] || l.plan.AccountsApart(rc, to.rc) {
		return renamed{}, false
	}
	return to, true
}

// ownerOf is the user a credential (an access key, an SSH key) belongs to
// once the plan is applied, its user named by attr. One there before the
// plan goes with its user when the plan renames it (UpdateUser), whatever
// its own attribute still says: it is the user's under the new name,
// beside those made for that name, and not that of a user who takes the
// old name (round 142). One the plan makes for the old name, which no
// other user takes, is made before the rename and goes with it, or is
// not made at all (round 148).
func (l *linter) ownerOf(o appliedObject, attr string) user {
	u := l.userOf(o, attr)
	if u.name.Unknown || u.vague {
		return u
	}
	k, ok := l.accountUser(o.ref(), u.name.V)
	made := o.change != nil && !o.forgotten && !slices.Contains([]string{"no-op", "update", "forget"}, o.change.action)
	if made && (ok && l.takenIn[k] || !ok && l.keptUsers[userKey(u.name.V)]) {
		// A user of the old name in its account, once applied: the
		// credential is that user's, unless it reads the renamed
		// aws_iam_user itself (its ID, the old name until apply), after
		// which Terraform makes it (round 149).
		if id, module, ok := l.plan.Source(o.change.rc, attr); ok {
			if su := l.sourceUser(sourced{module, id}); !su.vague && su.key != userKey(u.name.V) {
				su.name.Sensitive = su.name.Sensitive || u.name.Sensitive
				return su
			}
		}
		return u
	}
	to, renamed := l.renamedUsers[k]
	switch {
	case !ok: // a credential whose configuration is gone, in one of several accounts
		to, renamed = l.renamedNames[userKey(u.name.V)]
	case !renamed && o.ref().Type == "aws_iam_access_key" && l.keysNaming[userKey(u.name.V)] == 1 && !(made && l.keptUsers[userKey(u.name.V)]):
		// An access key of a configuration that may be the renamed
		// user's account goes with that user, adding to their keys, only
		// where it leaves no other key under the old name, whose count it
		// would take from (round 256); one made for a name a user has
		// once applied is never the renamed one's (round 255). An SSH
		// key stays: moved, a key shared with the renamed user would no
		// longer look shared (round 256).
		to, renamed = l.renamedElsewhere(o.ref(), k, u.name.V)
	}
	if !renamed || to.group == "" {
		return u
	}
	to.name.Sensitive = to.name.Sensitive || u.name.Sensitive
	return user{name: to.name, key: to.group}
}

// judgedKey is the change this run judges as key i, or nil: a key in prior
// state only, or one --changed-only leaves out. The old object a
// replacement forgets is judged as its own change (change.old).
func (l *linter) judgedKey(i int32) *change {
	switch o := l.keys[i]; {
	case o.change == nil:
	case !o.forgotten && o.change.judged:
		return o.change
	case o.forgotten && o.change.old != nil && o.change.old.judged:
		return o.change.old
	}
	return nil
}

// keySetFacts gives a judged key's findings across its user's keys (its
// IG204; IG203 on one active key of the set, see judgeKeySet),
// judging the set first if none of its keys was judged yet.
func (l *linter) keySetFacts(c *change) []rules.Finding {
	if c.keySet > 0 {
		l.judgeKeySet(c.keySet - 1)
	}
	fs := l.keyFacts[c]
	delete(l.keyFacts, c)
	return fs
}

// keyStatus is an access key's status once the plan is applied: as its
// configuration asks, or for a key the plan creates, as IAM leaves it (see
// rules.CreatedStatus).
func keyStatus(o appliedObject) rules.Value[string] {
	status := o.attrs().status("Active")
	if c := o.change; c != nil && (c.action == "create" || c.action == "replace") {
		status, _ = rules.CreatedStatus(true, status)
	}
	return status
}

// judgeKeySet judges the set of keys from head as the user's keys once the
// plan is applied, keeps the findings for its judged keys in keyFacts, and
// lets the set go.
func (l *linter) judgeKeySet(head int32) {
	keys, changes := l.keyScratch[:0], l.changeScratch[:0]
	u := l.ownerOf(l.keys[head], "user")
	user := l.withheld(u)
	var account string // of a user named only after apply (see below)
	if u.later() {
		account = l.accountID(l.keys[head].ref())
	}
	for i := head; i >= 0; i = l.keyNext[i] {
		a := l.keys[i].attrs()
		status := keyStatus(l.keys[i])
		k := rules.AccessKey{Name: l.keys[i].address, Active: !status.Unknown && status.V == "Active", StatusUnknown: status.Unknown,
			StatusImpure: status.Impure, StatusSensitive: status.Sensitive}
		o := l.keys[i]
		made := o.change != nil && (o.change.action == "create" || o.change.action == "replace")
		_, shown := a.values.Get("create_date")
		switch created := a.str("create_date", ""); {
		case created.Unreadable, shown && !made && !created.Unknown && created.V == "":
			// A key there before the plan whose date is null (state
			// written before the provider kept one): its age is not known.
			k.CreatedUnreadable = true
		case !created.Unknown && created.V != "":
			var err error
			k.Created, err = time.Parse(time.RFC3339, created.V)
			k.CreatedUnreadable, k.CreatedSensitive = err != nil, created.Sensitive
		}
		c := l.judgedKey(i)
		if c != nil {
			c.keySet = 0 // judged now
		}
		keys, changes = append(keys, k), append(changes, c)
		l.keys[i] = appliedObject{} // its change goes once judged
	}
	var byName map[string]int // a large set's keys by name, made when first needed
	for _, f := range rules.EvaluateAccessKeys(user, keys, l.now, l.baseline) {
		i := -1 // the judged key the finding goes on
		switch {
		case f.Rule == rules.AccessKeyMultipleActive:
			// Once a set, on one of its keys this run judges that is (or may
			// be) active: the first that the plan makes active, or else the
			// first known active, or else the first that may be. A waiver
			// given to a standing key then never covers a key added beside it.
			rank := 0 // of keys[i]: 3 adds, 2 active, 1 may be
			for j, k := range keys {
				r := 0
				switch {
				case changes[j] == nil || !k.Active && !k.StatusUnknown:
				case addsKey(changes[j]):
					r = 3
				case k.Active:
					r = 2
				default:
					r = 1
				}
				if r > rank {
					i, rank = j, r
				}
			}
		case len(keys) <= 8:
			i = slices.IndexFunc(keys, func(k rules.AccessKey) bool { return k.Name == f.Subject })
		default:
			if byName == nil {
				byName = make(map[string]int, len(keys))
				for j, k := range keys {
					byName[k.Name] = j
				}
			}
			if j, ok := byName[f.Subject]; ok {
				i = j
			}
		}
		if i >= 0 && changes[i] != nil {
			l.keyFacts[changes[i]] = append(l.keyFacts[changes[i]], f)
		}
	}
	active := 0 // keys in the account, once applied, that may be this user's (VagueUserKeys)
	switch {
	case u.vague || u.name.Unreadable: // round 216: a user given as a list was a set of its own, no IG203
		active = l.activeKeys
	case u.later():
		// An aws_iam_user named only after apply is no other aws_iam_user
		// (IAM refuses a second user of one name), nor a user there before
		// the plan, but may be the user of a key named outright whom
		// neither is, in an account the plan does not show apart from its
		// own (rounds 266, 267, 270).
		n, found := l.unheldNear[account]
		if !found { // once for each account, not each such user
			for a, m := range l.activeUnheld {
				if !plan.IDsApart(a, account) {
					n += m
				}
			}
			if l.unheldNear == nil {
				l.unheldNear = map[string]int{}
			}
			l.unheldNear[account] = n
		}
		active = 1 + n
	}
	if active > 0 {
		if j, f := rules.VagueUserKeys(u.name, keys, active); j >= 0 && changes[j] != nil {
			l.keyFacts[changes[j]] = append(l.keyFacts[changes[j]], f)
		}
	}
	clear(changes)
	l.keyScratch, l.changeScratch = keys, changes
}

// addsKey reports whether c makes active an access key that was not
// before the plan, the user's: creates one, reactivates or replaces an
// inactive one, or gives the user another user's. (Its status after it may
// be known only after apply.)
func addsKey(c *change) bool {
	switch c.action {
	case "create":
		return true
	case "update", "replace":
		before, after := c.before(), c.after()
		was, is := before.str("user", ""), after.str("user", "")
		return before.status("Active").V != "Active" || is.Unknown || userKey(was.V) != userKey(is.V)
	}
	return false
}

// sshKeyFindings judges every SSH key that exists once the plan is applied,
// each parsed once: its own findings (IG401-IG403), and IG404 when its key
// is uploaded for other users too. Findings by key address.
func (l *linter) sshKeyFindings() map[string][]rules.Finding {
	if l.sshKeys != nil {
		return l.sshKeys
	}
	l.sshKeys = map[string][]rules.Finding{}
	var uses []rules.SSHKeyUse
	var roleOf []string                 // each use's role account, where it has one (see roleAccount)
	var shown []bool                    // whether the plan shows its configuration
	fingerprints := map[string]string{} // address -> fingerprint
	readFrom := map[int][]string{}      // a source's references (see plan.Source)
	for _, o := range l.applied("aws_iam_user_ssh_key") {
		a := o.attrs()
		fs, key := rules.EvaluateSSHKey(rules.SSHPublicKey{
			PublicKey: a.str("public_key", ""),
			Encoding:  a.str("encoding", ""),
		}, l.baseline)
		l.sshKeys[o.address] = fs
		switch {
		case key != nil:
			fp := rules.Known(key.SHA256Fingerprint)
			fp.Sensitive = a.isSensitive("public_key")
			u := l.ownerOf(o, "username")
			uses = append(uses, rules.SSHKeyUse{User: l.withheld(u), UserKey: u.key, Fingerprint: fp})
			role, ok := l.roleAccount(o, u)
			roleOf, shown = append(roleOf, role), append(shown, ok)
			fingerprints[o.address] = key.SHA256Fingerprint
		case o.change != nil && !o.forgotten && a.str("public_key", "").Unknown:
			// Known only after apply: the uploads that read it from one
			// source alike upload one key.
			if id, module, ok := l.plan.Source(o.change.rc, "public_key"); ok {
				src := "source " + strconv.Itoa(id) + " in " + module
				if _, ok := readFrom[id]; !ok {
					readFrom[id] = mostPrecise(strings.Split(strings.TrimSuffix(l.plan.SourceRefs(id), "\n"), "\n"))
				}
				u := l.ownerOf(o, "username")
				uses = append(uses, rules.SSHKeyUse{User: l.withheld(u), UserKey: u.key, Fingerprint: rules.Known(src), ReadFrom: readFrom[id]})
				role, ok := l.roleAccount(o, u)
				roleOf, shown = append(roleOf, role), append(shown, ok)
				fingerprints[o.address] = src
			}
		}
	}
	// A user's uploads are one user's across accounts, as access keys are
	// (see groupAccessKeys), but for accounts the plan shows apart by the
	// roles they assume: one key for a user of one name in two of those is
	// shared (round 355: no IG404; round 356: two configurations of one
	// account, their credentials read alike, are not apart), whatever other
	// uploads of that name there are, which are one more user's, of an
	// account not shown (round 358: a third upload hid it; round 359:
	// counted as the first role account's, it did or not by address).
	// An object whose configuration is gone (forgotten, or in prior state
	// alone) holding a key that an upload of that name in a role account
	// holds is that upload's object (round 360: a forgotten second address
	// of one key was one more user).
	roles := map[string]string{}     // a user's first role account
	split := map[string]bool{}       // users of that name in two role accounts
	holder := map[[2]string]string{} // a user's key's first role account
	for i, u := range uses {
		if roleOf[i] == "" {
			continue
		}
		if k := [2]string{u.UserKey, u.Fingerprint.V}; holder[k] == "" {
			holder[k] = roleOf[i]
		}
		switch first, ok := roles[u.UserKey]; {
		case !ok:
			roles[u.UserKey] = roleOf[i]
		case first != roleOf[i]:
			split[u.UserKey] = true
		}
	}
	for i := range uses {
		if k := uses[i].UserKey; split[k] {
			role := roleOf[i]
			if role == "" && !shown[i] {
				role = holder[[2]string{k, uses[i].Fingerprint.V}]
			}
			uses[i].UserKey += "\x00" + role
		}
	}
	shared := rules.SharedSSHKeys(uses)
	for addr, fp := range fingerprints {
		if f, ok := shared[fp]; ok {
			l.sshKeys[addr] = append(l.sshKeys[addr], f)
		}
	}
	return l.sshKeys
}

// roleAccount is the account of o, a credential of user u, where the plan
// shows it by the role its provider assumes (plan.RoleAccount), and u is
// named outright; "" otherwise. shown is false where the plan does not
// show o's configuration.
func (l *linter) roleAccount(o appliedObject, u user) (account string, shown bool) {
	account, shown = l.plan.Account(o.ref())
	if u.name.Unknown || u.vague || u.later() || l.plan.AWSAccounts <= 1 || !plan.RoleAccount(account) {
		return "", shown
	}
	return account, shown
}

// signingReplacements finds, for each user, the best signing certificate
// the plan creates for them (alone or as the new half of a replacement), or
// that they keep, by accountUser. An upload of a key another user of its
// account holds once the plan is applied, whatever its status, is none:
// IAM refuses a certificate the account holds already
// (DuplicateCertificate), and a certificate for the same key pair would
// make two users sign as one. One that a user known only after apply
// holds may be none.
func (l *linter) signingReplacements() map[string]rules.Replacement {
	best := map[string]rules.Replacement{}
	var held map[[2]string]*holders // made for the first sound upload
	var quota map[string]int        // made for the first upload
	for _, c := range l.changes {
		if c.rc.Type != "aws_iam_signing_certificate" || c.action != "create" && c.action != "replace" {
			continue
		}
		a := c.after()
		u := l.uploadUser(c)
		if u.Unknown || u.V == "" {
			continue
		}
		k, ok := l.accountUser(c.rc, u.V)
		if !ok {
			continue
		}
		r := rules.SigningCertificateReplacement(a.status("Active"), a.str("certificate_body", ""), l.now, l.baseline)
		if l.refusedUsers[k] && c.ordered("user_name") {
			// It may be ordered after its user, whom IAM refuses to make
			// again (see readUsers): then it is never uploaded (round
			// 278). Ordered reads no more than "may be" (round 280).
			r = min(r, rules.PendingReplacement)
		}
		if l.clearedUsers[k] && !c.ordered("user_name") {
			// Nothing orders it after its user is made again: it may be
			// uploaded for the user deleted, and go with them.
			r = min(r, rules.PendingReplacement)
		}
		account, _ := l.accountUser(c.rc, "")
		if r == rules.SoundReplacement {
			if held == nil {
				held = l.signingKeyHolders()
			}
			id, _, _ := material(c.rc.Type, a)
			r = held[[2]string{id, account}].replacement(userKey(u.V), certificateSum(a), c.rc.Address)
		}
		if quota == nil {
			quota = l.signingQuota()
		}
		if quota[k]-1+quota[account] >= rules.SigningCertificatesPerUser {
			// The user may hold IAM's quota of certificates when it is
			// uploaded (see signingQuota): nothing orders the deletion of
			// another, nor another upload, before it, and IAM refuses it
			// (LimitExceeded) while the deletion goes on (round 331).
			r = min(r, rules.PendingReplacement)
		}
		best[k] = max(best[k], r)
	}
	// A sound certificate the user keeps, uploaded before (the first step
	// of a rotation, as IG501's remediation asks), takes the place of one
	// deleted too; not one deleted with its user, nor the very certificate
	// deleted (one certificate at two addresses).
	var deleted map[string]bool // made for the first kept one that would count
	for _, o := range l.applied("aws_iam_signing_certificate") {
		if !o.standing() {
			continue // an upload: judged above
		}
		a := o.attrs()
		u := a.str("user_name", "")
		if u.Unknown || u.Unreadable || u.V == "" {
			continue
		}
		k, ok := l.accountUser(o.ref(), u.V)
		if !ok || l.clearedUsers[k] {
			continue
		}
		r := rules.SigningCertificateReplacement(a.status("Active"), a.str("certificate_body", ""), l.now, l.baseline)
		if r == rules.NoReplacement {
			continue
		}
		if deleted == nil {
			deleted = map[string]bool{}
			for _, c := range slices.Concat(l.changes, l.orphans) {
				if c.rc.Type == "aws_iam_signing_certificate" && (c.removed || c.action == "replace") {
					deleted[certificateID(c.before())] = true
				}
			}
		}
		if !deleted[certificateID(a)] {
			best[k] = max(best[k], r)
		}
	}
	return best
}

// uploadUser is the user a signing certificate c uploads is for: its
// user_name, or where that is known only after apply and read from one user
// (aws_iam_user.x.id of a user replaced), that user's name where the plan
// gives it.
func (l *linter) uploadUser(c *change) rules.Value[string] {
	u := c.after().str("user_name", "")
	if u.Unknown {
		if su := l.userOf(appliedObject{address: c.rc.Address, change: c}, "user_name"); !su.vague && !su.name.Unknown && !su.name.Unreadable && su.key == userKey(su.name.V) {
			u = su.name
		}
	}
	return u
}

// signingQuota counts, by accountUser, the signing certificates each user
// may hold at once while the plan is applied: those there before it (to be
// kept, forgotten, replaced or deleted) and those it uploads. Uploads for a
// user known only after apply count under the account's own key
// (accountUser of ""): for any of its users. A replacement that deletes
// first counts once: its old certificate is gone before the new one is
// made, for whichever user (round 336: twice where the new one's user was
// known only after apply). One certificate a user holds at two addresses
// counts once (round 355: twice), as IAM holds it once.
func (l *linter) signingQuota() map[string]int {
	count := map[string]int{}
	seen := map[[2]string]bool{} // by accountUser and certificateID
	hold := func(k string, a attrs) {
		if id := certificateID(a); id != "" {
			if seen[[2]string{k, id}] {
				return
			}
			seen[[2]string{k, id}] = true
		}
		count[k]++
	}
	for _, c := range slices.Concat(l.changes, l.orphans) {
		if c.rc.Type != "aws_iam_signing_certificate" {
			continue
		}
		was, held := "", false
		if b := c.before().str("user_name", ""); c.action != "create" && !b.Unknown && !b.Unreadable && b.V != "" {
			was, held = l.accountUser(c.rc, b.V)
		}
		now, uploads, anyUser := "", false, false
		if c.action == "create" || c.action == "replace" {
			u := l.uploadUser(c)
			anyUser = u.Unknown || u.Unreadable || u.V == ""
			if anyUser {
				now, uploads = l.accountUser(c.rc, "")
			} else {
				now, uploads = l.accountUser(c.rc, u.V)
			}
		}
		if held && !(uploads && c.rc.Actions.DestroyBeforeCreate() && (anyUser || now == was)) {
			hold(was, c.before())
		}
		if uploads {
			count[now]++
		}
	}
	for _, o := range l.applied("aws_iam_signing_certificate") {
		if u := o.attrs().str("user_name", ""); o.change == nil && !u.Unknown && !u.Unreadable && u.V != "" { // in prior state alone (a targeted plan)
			if k, ok := l.accountUser(o.ref(), u.V); ok {
				hold(k, o.attrs())
			}
		}
	}
	return count
}

// certificateID names a signing certificate by its body: the SHA-256
// fingerprint of its DER, else its text; "" when known only after apply.
func certificateID(a attrs) string {
	body := a.str("certificate_body", "")
	if body.Unknown || body.Unreadable {
		return ""
	}
	if c, err := inspect.ParseCertificate(body.V); err == nil {
		return c.SHA256Fingerprint
	}
	return strings.TrimSpace(body.V)
}

// holders are the users that hold one key in signing certificates: two of
// their names at most, enough to tell whether one is another's, and
// whether a user known only after apply holds it too; and, by
// certificateSum, the certificates of the key held through the plan
// (standing), those it uploads, and those it deletes (deleted, with their
// address).
type holders struct {
	names             []string
	vague             bool
	standing, uploads []string
	deleted           [][2]string
}

// certificateSum tells a signing certificate's body apart from others
// (its SHA-256 over the DER), or is "" for one that does not parse.
func certificateSum(a attrs) string {
	if body := a.str("certificate_body", ""); !body.Unknown {
		if c, err := inspect.ParseCertificate(body.V); err == nil {
			return c.SHA256Fingerprint
		}
	}
	return ""
}

func (h *holders) add(u user) {
	switch {
	case u.vague || u.name.Unknown || u.name.Unreadable:
		h.vague = true
	case len(h.names) < 2 && !slices.Contains(h.names, userKey(u.name.V)):
		h.names = append(h.names, userKey(u.name.V))
	}
}

// replacement judges an upload of the key for the user whose key is user
// (see signingReplacements).
//
// IAM refuses an upload of a certificate any user holds
// (DuplicateCertificate): another user, or this one at another address
// that the plan keeps (round 266; a certificate renewed for the same key
// is another). One the plan deletes at another address may still be held
// when the upload comes, as nothing orders them, and of two uploads of
// one certificate IAM takes the first (round 277): whether it takes this
// one is known only after apply.
func (h *holders) replacement(user, sum, address string) rules.Replacement {
	deletedElsewhere := func(d [2]string) bool { return d[0] == sum && d[1] != address }
	switch {
	case h == nil:
		return rules.SoundReplacement
	case sum != "" && slices.Contains(h.standing, sum) || slices.ContainsFunc(h.names, func(n string) bool { return n != user }):
		return rules.NoReplacement
	case h.vague || sum != "" && (slices.ContainsFunc(h.deleted, deletedElsewhere) || count(h.uploads, sum) > 1):
		return rules.PendingReplacement
	}
	return rules.SoundReplacement
}

// count is how many of list are v.
func count(list []string, v string) int {
	n := 0
	for _, s := range list {
		if s == v {
			n++
		}
	}
	return n
}

// signingKeyHolders finds the users that hold each key (see material) in a
// signing certificate once the plan is applied, whatever its status: by
// the key and the account (accountUser without a user).
func (l *linter) signingKeyHolders() map[[2]string]*holders {
	const typ = "aws_iam_signing_certificate"
	held := map[[2]string]*holders{}
	for _, o := range l.applied(typ) {
		account, ok := l.accountUser(o.ref(), "")
		id, _, _ := material(typ, o.attrs())
		if !ok || id == "" {
			continue
		}
		k := [2]string{id, account}
		if held[k] == nil {
			held[k] = &holders{}
		}
		held[k].add(l.userOf(o, "user_name"))
		if o.standing() {
			held[k].standing = append(held[k].standing, certificateSum(o.attrs()))
		} else {
			held[k].uploads = append(held[k].uploads, certificateSum(o.attrs()))
		}
	}
	// A certificate held before the plan that the plan deletes, or
	// replaces, at another address than an upload of it: nothing orders
	// the deletion before the upload, which may come first (see
	// replacement).
	for _, c := range slices.Concat(l.changes, l.orphans) {
		if c.rc.Type != typ || !c.removed && c.action != "replace" {
			continue
		}
		account, ok := l.accountUser(c.rc, "")
		if id, _, _ := material(typ, c.before()); ok && id != "" && held[[2]string{id, account}] != nil {
			h := held[[2]string{id, account}]
			h.deleted = append(h.deleted, [2]string{certificateSum(c.before()), c.rc.Address})
		}
	}
	return held
}

// signingReplacement says, for the user of a signing certificate c
// deletes, the best certificate the plan creates for them in the same
// account.
func (l *linter) signingReplacement(c *change, user string) rules.Replacement {
	if l.signingBest == nil {
		panic("lint: a signing certificate was judged before its replacements were found; find them in gatherFacts")
	}
	k, ok := l.accountUser(c.rc, user)
	if !ok {
		return rules.NoReplacement
	}
	if to, renamed := l.renamedUsers[k]; renamed {
		if l.takenIn[k] {
			// Another user of its account has the old name once
			// applied: what is uploaded for it may be theirs (round 250;
			// one of another account's takes nothing, round 256).
			return l.signingBest[to.key]
		}
		return max(l.signingBest[k], l.signingBest[to.key]) // the user, under its new name
	}
	if to, renamed := l.renamedElsewhere(c.rc, k, user); renamed {
		if there, _ := l.accountUser(to.rc, user); l.takenIn[there] || l.takenIn[k] {
			// It may be that account's user that is renamed, the
			// certificate gone with them and the name taken by another,
			// in either account: credited only by an upload both readings
			// credit (round 251).
			return min(l.signingBest[k], l.signingBest[to.key])
		}
	}
	return l.signingBest[k]
}

// accountID is the account of c's object as plan.Account names it, or ""
// with one AWS provider configuration, or where the plan does not show it.
func (l *linter) accountID(rc *plan.Change) string {
	if l.plan.AWSAccounts <= 1 {
		return ""
	}
	account, _ := l.plan.Account(rc)
	return account
}

// accountUser names the user of c's object within its account. With one
// AWS provider configuration every object is in one account, and the name
// is the user's. With more, each may be another account: the name pairs
// the user with the provider configuration, and ok is false when the plan
// does not show which c uses (an object whose configuration is gone).
func (l *linter) accountUser(rc *plan.Change, user string) (string, bool) {
	if l.plan.AWSAccounts <= 1 {
		return userKey(user), true
	}
	account, ok := l.plan.Account(rc)
	return account + "\x00" + userKey(user), ok
}

// dormantCredential is an SSH key or signing certificate that is Inactive
// or Expired before the plan is applied, and what the plan does with it
// (fate): "deletes" (alone, or as the old half of a replacement),
// "forgets" (it stays in AWS), "keeps" (dormant) or "reactivates".
type dormantCredential struct {
	address string
	status  rules.Value[string]
	fate    string
}

// dormantCredentials finds the dormant credentials (see dormantCredential;
// deposed objects and those in prior state only too), by type and by the
// key they hold (see material): uploaded again, that key is the same
// credential (rules.Reupload), whether or not the dormant object stays;
// unless the user it is uploaded for held it Active before the plan (see
// renews), which heldActive records.
func (l *linter) dormantCredentials() map[string]map[string]dormantCredential {
	out := map[string]map[string]dormantCredential{}
	l.heldActive = map[[3]string]bool{}
	add := func(typ, address string, rc *plan.Change, a attrs, fate string) {
		status := a.status("Active")
		dormant := status.V == "Inactive" || status.V == "Expired"
		if status.Unknown || !dormant && status.V != "Active" {
			return
		}
		id, _, ok := material(typ, a)
		switch {
		case !ok || id == "":
			return
		case !dormant:
			if u := a.str(userAttrs[typ], ""); !u.Unknown && !u.Unreadable {
				if k, ok := l.accountUser(rc, u.V); ok {
					l.heldActive[[3]string{typ, id, k}] = true
				}
			}
			return
		}
		if out[typ] == nil {
			out[typ] = map[string]dormantCredential{}
		}
		if _, seen := out[typ][id]; !seen {
			out[typ][id] = dormantCredential{address, status, fate}
		}
	}
	for _, c := range slices.Concat(l.changes, l.orphans) {
		address := objectAddress(c.rc.Address, c.rc.DeposedKey)
		switch {
		case slices.Contains(c.rc.Actions, tfjson.ActionForget):
			add(c.rc.Type, address, c.rc, c.before(), "forgets")
		case c.removed || c.action == "replace":
			add(c.rc.Type, address, c.rc, c.before(), "deletes")
		case c.action != "create":
			fate := "keeps" // dormant before the plan: an update that reactivates it is judged as such too
			if s := c.after().status("Active"); !s.Unknown && s.V == "Active" {
				fate = "reactivates"
			}
			add(c.rc.Type, address, c.rc, c.before(), fate)
		}
	}
	for i := range l.plan.Prior {
		r := &l.plan.Prior[i]
		add(r.Type, objectAddress(r.Address, r.DeposedKey), priorRef(r), appliedObject{prior: r}.attrs(), "keeps")
	}
	return out
}

// renews reports whether the user c uploads the key id for held it Active
// before the plan (under this name, or the one the plan renames it from),
// in the same account: a certificate renewed for its key
// pair, say, while last year's stays Inactive. Nothing comes back to the
// user. Another user's active copy is no such renewal: for this user, the
// key comes back.
func (l *linter) renews(c *change, id string) bool {
	u := c.after().str(userAttrs[c.rc.Type], "")
	if u.Unknown || u.Unreadable {
		return false
	}
	k, ok := l.accountUser(c.rc, u.V)
	if !ok {
		return false
	}
	if l.heldActive[[3]string{c.rc.Type, id, k}] && !l.retaken[userKey(u.V)] {
		return true // unless the name is another user's now: the key was held by the one renamed from it
	}
	if l.oldNames == nil {
		l.oldNames = map[string][]string{}
		for from, to := range l.renamedUsers {
			l.oldNames[to.key] = append(l.oldNames[to.key], from)
		}
	}
	return slices.ContainsFunc(l.oldNames[k], func(from string) bool { // the user held it under its old name
		return l.heldActive[[3]string{c.rc.Type, id, from}]
	})
}

// material names the key an SSH key or signing certificate holds, the same
// however its text spells it: the SSH key's SHA-256 fingerprint, the
// certificate's public key (a certificate issued again for the same key
// pair is the same credential). The attribute that holds it comes too; ok
// is false for other types. An id of "" is none: known only after apply (v
// says), or text that does not parse.
func material(typ string, a attrs) (id string, v rules.Value[string], ok bool) {
	switch typ {
	case "aws_iam_user_ssh_key":
		if v = a.str("public_key", ""); !v.Unknown {
			if k, err := inspect.ParseSSHPublicKey(v.V); err == nil {
				id = k.SHA256Fingerprint
			}
		}
	case "aws_iam_signing_certificate":
		if v = a.str("certificate_body", ""); !v.Unknown {
			if key, err := inspect.PublicKeyID(v.V); err == nil {
				id = key
			}
		}
	default:
		return "", v, false
	}
	return id, v, true
}

// reupload judges an SSH key or signing certificate that c uploads against
// the dormant ones of its type (rules.Reupload).
func (l *linter) reupload(c *change, r *rules.Rule) []rules.Finding {
	dormant := l.dormant[c.rc.Type]
	if len(dormant) == 0 || c.action != "create" && c.action != "replace" {
		return nil
	}
	after := c.after()
	id, v, _ := material(c.rc.Type, after)
	attr := "public_key"
	if c.rc.Type == "aws_iam_signing_certificate" {
		attr = "certificate_body"
	}
	d, found := dormant[id]
	switch {
	case v.Unknown:
	case !found || l.renews(c, id):
		return nil
	case d.address == c.rc.Address:
		d.address = ""
	}
	return rules.Reupload(r, v, attr, d.address, d.fate, d.status, after.status("Active"))
}
