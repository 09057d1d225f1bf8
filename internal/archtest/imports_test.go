// Package archtest enforces the direction of imports described in the
// README's Design section: toward the domain, never back.
package archtest

import (
	"bufio"
	"bytes"
	"os/exec"
	"strings"
	"testing"
)

const module = "github.com/parcelwatch/parcelwatch"

// pkg is one package of the module: its direct imports and all its
// dependencies, both limited to the module's own packages.
type pkg struct {
	path    string
	imports []string
	deps    []string
}

func listPackages(t *testing.T) map[string]pkg {
	t.Helper()
	out, err := exec.Command("go", "list", "-f", "{{.ImportPath}}|{{join .Imports \",\"}}|{{join .Deps \",\"}}", module+"/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	own := func(list string) []string {
		var keep []string
		for _, p := range strings.Split(list, ",") {
			if strings.HasPrefix(p, module+"/") || p == module {
				keep = append(keep, strings.TrimPrefix(p, module+"/"))
			}
		}
		return keep
	}
	pkgs := map[string]pkg{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		parts := strings.Split(sc.Text(), "|")
		p := pkg{path: strings.TrimPrefix(parts[0], module+"/"), imports: own(parts[1]), deps: own(parts[2])}
		pkgs[p.path] = p
	}
	if len(pkgs) < 5 {
		t.Fatalf("go list found only %d packages", len(pkgs))
	}
	return pkgs
}

// pure packages are libraries for others: they may depend on the domain
// and nothing else of ours.
var pure = map[string]bool{"parcel": true, "trackingno": true, "classify": true, "journey": true}

// implementation reports whether a package is a concrete implementation
// (I/O behind an interface) that only the wiring package may import.
func implementation(path string) bool {
	switch {
	case path == "internal/store", strings.HasPrefix(path, "internal/store/") && path != "internal/store/storetest":
		return true
	case strings.HasPrefix(path, "internal/carrier/"): // each carrier adapter
		return true
	case path == "internal/notify" || strings.HasPrefix(path, "internal/notify/"):
		return true
	}
	return false
}

func TestImportDirection(t *testing.T) {
	pkgs := listPackages(t)
	for _, p := range pkgs {
		if p.path == "parcel" && len(p.deps) > 0 {
			t.Errorf("parcel must import only the standard library; it depends on %v", p.deps)
		}
		if pure[p.path] {
			for _, d := range p.deps {
				if d != "parcel" {
					t.Errorf("%s is a pure library and may depend only on parcel, not %s", p.path, d)
				}
			}
		}
		for _, imp := range p.imports {
			if implementation(imp) && p.path != "internal/app" && !strings.HasPrefix(p.path, imp+"/") {
				t.Errorf("%s imports the implementation %s; only internal/app wires implementations", p.path, imp)
			}
			if strings.HasPrefix(imp, "cmd/") {
				t.Errorf("%s imports a command package %s", p.path, imp)
			}
		}
		if p.path == "cmd/parcelwatch" {
			for _, imp := range p.imports {
				if imp != "internal/cli" {
					t.Errorf("cmd/parcelwatch only wires: it may import internal/cli, not %s", imp)
				}
			}
		}
	}
}

// TestRulesCatchViolations makes sure the rules above are not vacuous.
func TestRulesCatchViolations(t *testing.T) {
	if !implementation("internal/store") || !implementation("internal/carrier/cainiao") || implementation("internal/store/storetest") || implementation("internal/httpapi") {
		t.Error("implementation() misclassifies packages")
	}
	pkgs := listPackages(t)
	for _, must := range []string{"parcel", "internal/store", "internal/app", "cmd/parcelwatch"} {
		if _, ok := pkgs[must]; !ok {
			t.Errorf("package %s not seen by go list; the test would check nothing", must)
		}
	}
	if app := pkgs["internal/app"]; !contains(app.imports, "internal/store") {
		t.Error("internal/app should import internal/store; the import list is wrong")
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
