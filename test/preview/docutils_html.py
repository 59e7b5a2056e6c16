# The HTML docutils 0.19's HTML5 writer gives for each file named on the command line, as JSON
# {path: body}. Settings as the preview compares them (docs/preview.md): no document title
# (doctitle_xform off, as Sphinx does), headings from <h1>, no system messages in the output,
# no raw or include, no syntax highlighting. The files are read as text; nothing is run.
import json
import sys

from docutils.core import publish_parts

SETTINGS = {
    'report_level': 5,
    'halt_level': 5,
    'warning_stream': False,
    'doctitle_xform': False,
    'sectsubtitle_xform': False,
    'initial_header_level': 1,
    'syntax_highlight': 'none',
    'raw_enabled': False,
    'file_insertion_enabled': False,
    'input_encoding': 'utf-8-sig',
}

out = {}
for path in sys.argv[1:]:
    with open(path, encoding='utf-8-sig') as f:
        source = f.read()
    out[path] = publish_parts(source, source_path=path, writer_name='html5', settings_overrides=SETTINGS)['body']
json.dump(out, sys.stdout)
