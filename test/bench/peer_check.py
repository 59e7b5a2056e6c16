#!/usr/bin/python3
"""The specs repos' own check (nova-specs tests/test_titles.py), per file, for the CLI benchmark.

For each spec listed in the corpus' MANIFEST.tsv: parse spec and template with docutils'
publish_doctree (default settings), map each top-level section's title to the titles of its
direct subsections, compare them with the template's (missing and extra sections, missing
subsections; History and the release's optional subsection may be left out), and check line wrapping (79
characters, with the check's exemptions), trailing spaces, carriage returns and zero-width spaces.

Usage: peer_check.py CORPUS_DIR [--timings FILE]

Prints how many specs pass, and whether each verdict agrees with MANIFEST.tsv's peer_pass and
peer_failures. With --timings, writes [{"file", "ms", "bytes"}] (time per spec: read, parse,
compare, line checks; each template is parsed once, on first use) to FILE as JSON.
"""
import io
import json
import os
import re
import sys
import time

import docutils.core


def get_title(section_tree):
    section = {'subtitles': []}
    for node in section_tree:
        if node.tagname == 'title':
            section['name'] = node.rawsource
        elif node.tagname == 'section':
            subsection = get_title(node)
            section['subtitles'].append(subsection['name'])
    return section


def get_titles(doctree):
    titles = {}
    for node in doctree:
        if node.tagname == 'section':
            # Subsections' own subtitles are thrown away, as the specs repos' check does.
            section = get_title(node)
            titles[section['name']] = section['subtitles']
    return titles


def parse(text):
    # Default settings; system messages go to a buffer instead of the terminal.
    return docutils.core.publish_doctree(text, settings_overrides={'warning_stream': io.StringIO()})


def check_titles(expect, actual, release):
    # As tests/test_titles.py: only History may be left out at the top level; a release's
    # optional subsection (Feature Liaison, or Upgrade impact in queens) under any section.
    missing = [x for x in expect.keys() if x not in actual.keys() and x not in OPTIONAL_SECTIONS]
    extra = [x for x in actual.keys() if x not in expect.keys()]
    msgs = []
    if missing:
        msgs.append('Missing sections: %s' % missing)
    if extra:
        msgs.append('Extra sections: %s' % extra)
    for section in expect.keys():
        # Extra subsections are allowed.
        missing_sub = [x for x in expect[section]
                       if x not in actual.get(section, []) and x not in optional_subsections(release)]
        if missing_sub:
            msgs.append("Section '%s' is missing subsections: %s" % (section, missing_sub))
    return msgs


def check_lines(raw):
    msgs = []
    long_lines = []
    trailing = []
    zwsp = []
    code_block = False
    for i, line in enumerate(raw.split('\n')):
        if re.findall(' +$', line):
            trailing.append(i + 1)
        if '\u200b' in line:
            zwsp.append(i + 1)
        # Code block lines may be longer than 79 characters.
        if code_block:
            if not line or line.startswith(' '):
                continue
            code_block = False
        if '::' in line:
            code_block = True
        if 'http://' in line or 'https://' in line:
            continue
        # Lines without internal whitespace are allowed.
        if re.match(r'\s*[^\s]+$', line):
            continue
        if len(line) >= 80:
            long_lines.append(i + 1)
    if long_lines:
        msgs.append('line_length: lines %s' % ','.join(map(str, long_lines)))
    if trailing:
        msgs.append('trailing_spaces: lines %s' % ','.join(map(str, trailing)))
    carriage_returns = len(re.findall('\r', raw))
    if carriage_returns:
        msgs.append('carriage_returns: %d' % carriage_returns)
    if zwsp:
        msgs.append('zero_width_space: lines %s' % ','.join(map(str, zwsp)))
    return msgs


OPTIONAL_SECTIONS = ('History',)


def optional_subsections(release):
    return ('Upgrade impact',) if release == 'queens' else ('Feature Liaison',)


def main(argv):
    if len(argv) < 2 or argv[1] in ('-h', '--help'):
        print(__doc__.strip())
        return 2
    corpus = argv[1]
    timings_file = argv[argv.index('--timings') + 1] if '--timings' in argv else None
    with open(os.path.join(corpus, 'MANIFEST.tsv'), encoding='utf-8') as manifest:
        rows = [line.rstrip('\n').split('\t') for line in manifest.readlines()[1:] if line.strip()]
    templates = {}
    timings = []
    passed = 0
    agree = 0
    disagreements = []
    for row in rows:
        repo, path, _commit, _header, template, _profile, release, peer_pass, peer_failures = (row + [''] * 9)[:9]
        spec_file = os.path.join(corpus, repo, path)
        template_file = os.path.join(corpus, repo, template)
        start = time.perf_counter()
        if template_file not in templates:
            with open(template_file, encoding='utf-8', newline='') as f:
                templates[template_file] = get_titles(parse(f.read()))
        with open(spec_file, encoding='utf-8', newline='') as f:
            data = f.read()
        msgs = check_titles(templates[template_file], get_titles(parse(data)), release)
        msgs += check_lines(data)
        elapsed = (time.perf_counter() - start) * 1000
        timings.append({'file': '%s/%s' % (repo, path), 'ms': elapsed, 'bytes': len(data.encode('utf-8'))})
        if not msgs:
            passed += 1
        expected = [x for x in peer_failures.split(' | ') if x] if peer_failures else []
        if (not msgs) == (peer_pass == 'pass') and msgs == expected:
            agree += 1
        else:
            disagreements.append('%s/%s: %s' % (repo, path, ' | '.join(msgs) or 'pass'))
    if timings_file:
        with open(timings_file, 'w', encoding='utf-8') as f:
            json.dump(timings, f)
    print('peer check: %d specs, %d pass, %d fail; agrees with MANIFEST.tsv on %d/%d'
          % (len(rows), passed, len(rows) - passed, agree, len(rows)))
    for line in disagreements[:10]:
        print('  differs: %s' % line)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
