"""Dev helper for writing rule fixtures: `case(path, files, expect=[(file, needle, occurrence), ...], options)`.
Expected line/column are computed from the position of the needle the case is about."""
import json, os, sys

def pos(text, needle, occurrence=1):
    if needle == '\x00EOF':  # the end of the file (where a parser that ran out of input stopped)
        return text.count('\n') + 1, len(text) - (text.rfind('\n') + 1) + 1
    i = -1
    for _ in range(occurrence):
        i = text.index(needle, i + 1)
    line = text.count('\n', 0, i) + 1
    col = i - (text.rfind('\n', 0, i) + 1) + 1
    return line, col

def case(path, files, expect=(), options=None, level=None):
    os.makedirs(path, exist_ok=True)
    for name, text in files.items():
        p = os.path.join(path, name)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, 'w') as f:
            f.write(text)
    findings = []
    for e in expect:
        fname, needle = e[0], e[1]
        occ = e[2] if len(e) > 2 else 1
        line, col = pos(files[fname], needle, occ)
        item = {'file': fname, 'line': line, 'column': col}
        lv = e[3] if len(e) > 3 else level
        if lv:
            item['level'] = lv
        findings.append(item)
    if findings or options:
        spec = {}
        if findings:
            spec['findings'] = findings
        if options:
            spec['options'] = options
        with open(os.path.join(path, 'expect.json'), 'w') as f:
            json.dump(spec, f, indent=2)
            f.write('\n')
