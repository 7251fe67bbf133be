#!/usr/bin/env python3
"""Which references of our compiled classes a Keycloak distribution lacks.

Usage: keycloak-api-check.py CLASSES_DIR DIST_ZIP_OR_DIR...
For each distribution: every class, method and field our classes name (constant pool, so method
references and lambdas too) that is outside our JAR and outside java.*, looked up with javap in the
distribution's lib/lib/{main,boot} jars, following superclasses and interfaces. Our shaded UnboundID and dnsjava are
skipped (it ships inside our JAR). References made only from KeycloakCompat's version-guarded nested
classes are expected to be missing on older versions and are listed as guarded, not as failures.
Exit status 1 when anything else is missing: that class would fail with NoClassDefFoundError or
NoSuchMethodError on that Keycloak.
"""
import glob, os, re, subprocess, sys, tempfile, zipfile

GUARDED = ('net/adfederation/common/KeycloakCompat$',)  # nested classes loaded only when their API exists
SKIP = ('net/adfederation/', 'java/', 'com/unboundid/', 'org/xbill/')


def run(args):
    return subprocess.run(args, capture_output=True, text=True).stdout


def our_references(classes_dir):
    ours = sorted(glob.glob(os.path.join(classes_dir, '**/*.class'), recursive=True))
    refs = {}  # (kind, owner, name, desc) -> set of our classes
    for i in range(0, len(ours), 60):
        current = None
        for line in run(['javap', '-v', '-p'] + ours[i:i + 60]).splitlines():
            if line.startswith('Classfile '):
                current = line.split(os.path.normpath(classes_dir) + '/')[-1].removesuffix('.class')
                continue
            m = re.match(r'\s+#\d+ = (Methodref|InterfaceMethodref|Fieldref|Class)\s+\S+\s+// (.*)$', line)
            if not m:
                continue
            kind, text = m.groups()
            if kind == 'Class':
                owner, name, desc = text.strip('"').lstrip('['), '', ''
                if owner.startswith('L') and owner.endswith(';'):
                    owner = owner[1:-1]
                elif len(owner) == 1:
                    continue  # primitive array
            else:
                if '.' not in text.split(':')[0]:
                    continue  # a member of the class itself
                owner, rest = text.split('.', 1)
                owner = owner.strip('"')
                name, desc = rest.split(':', 1)
                name = name.strip('"')
                if owner.startswith('['):
                    continue
            if owner.startswith(SKIP):
                continue
            refs.setdefault((kind, owner, name, desc), set()).add(current)
    return refs


def members(classpath, names):
    """class -> (supertypes, {(name, descriptor)}); classes javap cannot find are absent."""
    found = {}
    for i in range(0, len(names), 200):
        current, pending = None, None
        for line in run(['javap', '-p', '-s', '-cp', classpath] + [n.replace('/', '.') for n in names[i:i + 200]]).splitlines():
            m = re.match(r'^[\w ]*?(?:class|interface|enum|record) ([\w.$]+)(?:<.*?>)?(?: extends (.*?))?(?: implements (.*?))? ?\{$', line)
            if m and not line.startswith(' '):
                current = m.group(1).replace('.', '/')
                supers = []
                for group in (m.group(2), m.group(3)):
                    if group:
                        while '<' in group:
                            group = re.sub(r'<[^<>]*>', '', group)
                        supers += [s.strip().replace('.', '/') for s in group.split(',') if s.strip()]
                found[current] = (supers, set())
                continue
            if current is None:
                continue
            d = re.match(r'^\s+descriptor: (.*)$', line)
            if d and pending is not None:
                found[current][1].add((pending, d.group(1)))
                pending = None
            elif line.startswith('  ') and not line.startswith('   '):
                text = line.strip()
                if text.startswith('static {}'):
                    pending = '<clinit>'
                elif '(' in text:
                    name = text.split('(')[0].split()[-1]
                    pending = '<init>' if name == current.replace('/', '.') else name.split('.')[-1]
                else:
                    pending = text.rstrip(';').split()[-1]
    return found


def unpacked(dist, scratch):
    if os.path.isdir(dist):
        return dist
    target = os.path.join(scratch, os.path.basename(dist))
    with zipfile.ZipFile(dist) as z:
        z.extractall(target, [n for n in z.namelist() if n.endswith('.jar') and '/lib/lib/' in n])
    return glob.glob(os.path.join(target, '*'))[0]


def check(refs, home):
    jars = sorted(glob.glob(os.path.join(home, 'lib/lib/main/*.jar')) + glob.glob(os.path.join(home, 'lib/lib/boot/*.jar')))
    classpath = ':'.join(jars)
    known, todo = {}, sorted({r[1] for r in refs})
    while todo:
        got = members(classpath, todo)
        known.update(got)
        for name in todo:
            known.setdefault(name, None)
        todo = sorted({s for v in got.values() for s in v[0]} - set(known))

    def has(owner, name, desc, seen):
        if owner in seen or known.get(owner) is None:
            return False
        seen.add(owner)
        supers, own = known[owner]
        return (name, desc) in own or any(has(s, name, desc, seen) for s in supers + ['java/lang/Object'])

    missing = []
    for (kind, owner, name, desc), users in sorted(refs.items()):
        if known.get(owner) is None:
            missing.append((f'class {owner}', users))
        elif kind != 'Class' and not has(owner, name, desc, set()):
            missing.append((f'{owner}.{name}{desc}', users))
    return missing


def main():
    classes_dir, dists = sys.argv[1], sys.argv[2:]
    refs = our_references(classes_dir)
    failed = False
    with tempfile.TemporaryDirectory() as scratch:
        for dist in dists:
            home = unpacked(dist, scratch)
            problems, guarded = [], []
            seen = set()
            for what, users in check(refs, home):
                if what in seen:
                    continue
                seen.add(what)
                (guarded if all(u.startswith(GUARDED) for u in users) else problems).append(f'{what}  <- {", ".join(sorted(users))}')
            print(f'{os.path.basename(home)}: {len(refs)} references checked, {len(problems)} missing, {len(guarded)} guarded')
            for p in problems:
                print('  MISSING ' + p)
            for g in guarded:
                print('  guarded ' + g)
            failed |= bool(problems)
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()
