#!/usr/bin/env python3
"""Checks that every source includes only headers of the libraries its own library depends on.

The build runs it (target souhra_layers) with the map CMake writes: one line per library,
"name<TAB>folder<TAB>direct dependencies". A header belongs to the library whose folder holds it
(the deepest one); a source may include headers of its own library and of every library it reaches
through its links. Tests (files named *_test*) are not part of a library and are not checked. Third-party
headers are allowed only in the libraries that link them (THIRD_PARTY).
Exit 1 lists every offending include as file:line.
"""
import os
import re
import sys

# A third-party header prefix → the imported target a library must link to include it.
THIRD_PARTY = {
    "lua.h": "PkgConfig::LUA", "lualib.h": "PkgConfig::LUA", "lauxlib.h": "PkgConfig::LUA",
    "sqlite3.h": "PkgConfig::SQLITE", "httplib.h": "PkgConfig::HTTPLIB",
    "curl/": "PkgConfig::CURL", "graphviz/": "PkgConfig::GVC", "sodium.h": "PkgConfig::SODIUM",
    "date/tz.h": "date::date-tz", "dtl/": "DTL", "unicode/": "PkgConfig::ICU",
}
INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')


def main(map_file, source_dir):
    libs = {}
    for line in open(map_file, encoding="utf-8"):
        name, folder, deps = (line.rstrip("\n").split("\t") + [""])[:3]
        libs[name] = (os.path.relpath(folder, source_dir), deps.split(";") if deps else [])

    def reach(name, seen=None):
        seen = set() if seen is None else seen
        for dep in libs[name][1]:
            if dep not in seen:
                seen.add(dep)
                if dep in libs:
                    reach(dep, seen)
        return seen

    def owner(path):
        best = None
        for name, (folder, _) in libs.items():
            if path.startswith(folder + "/") and (best is None or len(folder) > len(libs[best][0])):
                best = name
        return best

    errors = []
    for name, (folder, _) in sorted(libs.items()):
        allowed = reach(name) | {name}
        for file in sorted(os.listdir(os.path.join(source_dir, folder))):
            rel = os.path.join(folder, file)
            if not file.endswith((".h", ".cc")) or "_test" in file or owner(rel) != name:
                continue
            for number, text in enumerate(open(os.path.join(source_dir, rel), encoding="utf-8"), 1):
                m = INCLUDE.match(text)
                if not m:
                    continue
                header = m.group(2)
                if m.group(1) == '"':
                    target = owner(header)
                    if target is None and header.startswith("tests/"):
                        target = "tests"
                    if target is not None and target not in allowed:
                        errors.append(f"{rel}:{number}: {name} includes {header} of {target}, "
                                      f"which it does not link (add the dependency or move the code)")
                else:
                    for prefix, lib in THIRD_PARTY.items():
                        if header.startswith(prefix) and lib not in reach(name) | set(libs[name][1]):
                            errors.append(f"{rel}:{number}: {name} includes <{header}> without "
                                          f"linking {lib}")
    for e in errors:
        print(e, file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
