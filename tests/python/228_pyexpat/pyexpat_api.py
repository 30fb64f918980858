# pyexpat on libexpat: the parser object, handlers, buffering, errors, and the
# pure-Python libraries built on it (ElementTree, minidom, sax, plistlib).
import io
import sys

import pyexpat
from xml.parsers import expat

print(expat.ParserCreate is pyexpat.ParserCreate, expat.error is expat.ExpatError)
print(expat.ExpatError.__module__, expat.ExpatError.__name__, issubclass(expat.ExpatError, Exception))
print(type(pyexpat.ParserCreate()).__name__, pyexpat.XMLParserType.__module__)
print(sys.modules["pyexpat.errors"] is pyexpat.errors, sys.modules["pyexpat.model"] is pyexpat.model)
print(sys.modules["xml.parsers.expat.errors"] is pyexpat.errors)
print(pyexpat.native_encoding, type(pyexpat.version_info), len(pyexpat.version_info))
print(pyexpat.EXPAT_VERSION == "expat_%d.%d.%d" % pyexpat.version_info)
print([name for name, _ in pyexpat.features][:3])
print(pyexpat.XML_PARAM_ENTITY_PARSING_NEVER, pyexpat.XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE,
      pyexpat.XML_PARAM_ENTITY_PARSING_ALWAYS)
m = pyexpat.model
print(m.XML_CTYPE_EMPTY, m.XML_CTYPE_ANY, m.XML_CTYPE_MIXED, m.XML_CTYPE_NAME, m.XML_CTYPE_CHOICE, m.XML_CTYPE_SEQ)
print(m.XML_CQUANT_NONE, m.XML_CQUANT_OPT, m.XML_CQUANT_REP, m.XML_CQUANT_PLUS)
e = pyexpat.errors
print(e.XML_ERROR_SYNTAX, e.codes[e.XML_ERROR_SYNTAX], e.messages[2], len(e.codes) == len(e.messages))
print(pyexpat.ErrorString(4), pyexpat.ErrorString(9999))

# Every handler, on a document that exercises them.
data = b'''<?xml version="1.0" encoding="iso-8859-1" standalone="no"?>
<?xml-stylesheet href="style.css"?>
<!-- a comment -->
<!DOCTYPE root SYSTEM "root.dtd" [
<!ELEMENT root ANY>
<!ELEMENT list (item+, (a | b)*, c?)>
<!ATTLIST root attr1 CDATA #REQUIRED attr2 CDATA "dflt">
<!NOTATION jpeg SYSTEM "jpeg.exe">
<!ENTITY acirc "&#226;">
<!ENTITY ext SYSTEM "ext.xml">
<!ENTITY pic SYSTEM "pic.jpg" NDATA jpeg>
]>
<root attr1="v1" xmlns:ns="http://example.com/ns">
<ns:child ns:x="1">text &acirc; \xb5</ns:child>
<![CDATA[raw <data>]]>
&ext;
&undefined;
</root>
'''
events = []


def rec(name):
    def h(*args):
        events.append((name,) + args)
        return 1
    return h


names = ["StartElementHandler", "EndElementHandler", "ProcessingInstructionHandler", "CharacterDataHandler",
         "UnparsedEntityDeclHandler", "NotationDeclHandler", "StartNamespaceDeclHandler",
         "EndNamespaceDeclHandler", "CommentHandler", "StartCdataSectionHandler", "EndCdataSectionHandler",
         "NotStandaloneHandler", "ExternalEntityRefHandler", "StartDoctypeDeclHandler", "EndDoctypeDeclHandler",
         "EntityDeclHandler", "XmlDeclHandler", "ElementDeclHandler", "AttlistDeclHandler",
         "SkippedEntityHandler"]
for kind in ("bytes", "str", "file"):
    events.clear()
    p = expat.ParserCreate(namespace_separator="|")
    for n in names:
        setattr(p, n, rec(n[:-7]))
    if kind == "bytes":
        print(p.Parse(data, True))
    elif kind == "str":
        print(p.Parse(data.decode("iso-8859-1"), True))
    else:
        print(p.ParseFile(io.BytesIO(data)))
    if kind == "bytes":
        for ev in events:
            if ev[0] == "CharacterData" and not ev[1].strip():
                continue
            if ev[0] == "ExternalEntityRef":  # the context's order follows Expat's hash salt
                ev = (ev[0], sorted(ev[1].split("\f"))) + ev[2:]
            print(" ", ev)
    else:
        print(len(events))

# Handlers are readable; None removes one; deleting is refused.
p = expat.ParserCreate()
print(p.StartElementHandler, p.buffer_text, p.buffer_size, p.buffer_used, p.ordered_attributes,
      p.specified_attributes, p.namespace_prefixes, p.intern)
p.StartElementHandler = print
print(p.StartElementHandler is print)
p.StartElementHandler = None
print(p.StartElementHandler)
try:
    del p.StartElementHandler
except RuntimeError as ex:
    print("RuntimeError", ex)
for attr in ("ErrorCode", "CurrentLineNumber"):
    try:
        setattr(p, attr, 1)
    except AttributeError as ex:
        print("AttributeError", ex)
try:
    p.no_such = 1
except AttributeError as ex:
    print("AttributeError", ex)

# ordered, specified attributes, namespace prefixes, interning.
p = expat.ParserCreate(namespace_separator=" ")
p.ordered_attributes = 1
p.specified_attributes = 1
p.namespace_prefixes = True
p.StartElementHandler = lambda name, attrs: print("start", repr(name), attrs)
p.Parse(b'<!DOCTYPE a [<!ATTLIST a d CDATA "x">]><a xmlns:p="urn:p" p:k="1" z="2"/>', True)
p = expat.ParserCreate()
seen = []
p.StartElementHandler = lambda name, attrs: seen.append(name)
p.Parse(b"<e><e/><e/></e>", True)
print(len(seen), seen[0] is seen[1] is seen[2], "e" in p.intern)
p = expat.ParserCreate(intern=None)
print(p.intern)

# Character data buffering.
for bt in (0, 1):
    p = expat.ParserCreate()
    out = []
    p.buffer_text = bt
    p.CharacterDataHandler = out.append
    p.Parse(b"<a>1&lt;2<b/>3&#32;4</a>", True)
    print(bt, out)
p = expat.ParserCreate()
out = []
p.CharacterDataHandler = out.append
p.buffer_size = 16
print(p.buffer_text, p.buffer_size)
p.Parse(b"<a>" + b"x" * 10, False)
print(out, p.buffer_used)
p.Parse(b"y" * 10 + b"</a>", True)
print(out, p.buffer_used)
for bad in (0, -1, 2.5, 2**31):
    try:
        p.buffer_size = bad
    except (ValueError, TypeError) as ex:
        print(type(ex).__name__, ex)

# Errors.
for doc in (b"<a><b></a>", b"<", b"", b"\0\r\n", b"<a/><b/>"):
    p = expat.ParserCreate()
    try:
        p.Parse(doc, True)
    except expat.ExpatError as ex:
        print(repr(ex), ex.code, ex.lineno, ex.offset, pyexpat.ErrorString(ex.code) == e.messages[ex.code])
        print(" ", p.ErrorCode, p.ErrorLineNumber, p.ErrorColumnNumber, p.ErrorByteIndex)
p = expat.ParserCreate()
p.Parse(b"<a/>", True)
try:
    p.Parse(b"<a/>", True)
except expat.ExpatError as ex:
    print(ex, ex.code == e.codes[e.XML_ERROR_FINISHED])

# A handler's exception stops the parse and comes out of Parse().
p = expat.ParserCreate()
calls = []


def boom(name, attrs):
    calls.append(name)
    raise KeyError(name)


p.StartElementHandler = boom
try:
    p.Parse(b"<a><b/></a>", True)
except KeyError as ex:
    print("KeyError", ex, calls, p.StartElementHandler)

# Positions, input context, base.
p = expat.ParserCreate()


def pos(name, *rest):
    print(name, p.CurrentLineNumber, p.CurrentColumnNumber, p.CurrentByteIndex, p.GetInputContext()[:6])


p.StartElementHandler = pos
p.EndElementHandler = pos
p.Parse(b"<a>\n <b/>\n</a>", True)
print(p.GetInputContext(), p.GetBase())
p.SetBase("http://base/")
print(p.GetBase())

# Encodings: declared, given to ParserCreate, single-byte ones from Python's codecs.
for enc, doc in (("utf-8", "<a>\u00e9\u20ac</a>".encode()), ("cp1252", b"<a>\x80</a>"),
                 ("koi8-r", b"<a>\xc1</a>"), ("big5", b"<a/>"), ("no-such-codec", b"<a/>")):
    p = expat.ParserCreate()
    out = []
    p.CharacterDataHandler = out.append
    try:
        p.Parse(b"<?xml version='1.0' encoding='%s'?>" % enc.encode() + doc, True)
        print(enc, out)
    except Exception as ex:
        print(enc, type(ex).__name__, ex)
p = expat.ParserCreate("iso-8859-1")
p.CharacterDataHandler = lambda s: print(ascii(s))
p.Parse(b"<a>\xe9</a>", True)

# ParserCreate's arguments.
for kw in ({"encoding": 1}, {"namespace_separator": 1}, {"namespace_separator": "ab"}, {"intern": []}):
    try:
        expat.ParserCreate(**kw)
    except (TypeError, ValueError) as ex:
        print(type(ex).__name__, ex)
expat.ParserCreate(namespace_separator="")

# External entities, foreign DTDs, parameter entities.
p = expat.ParserCreate()
p.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_ALWAYS)


def ext(context, base, sysid, pubid):
    print("ext", context, base, sysid, pubid)
    sub = p.ExternalEntityParserCreate(context)
    sub.CharacterDataHandler = lambda s: print("sub data", s)
    return sub.Parse(b"<inner>from " + sysid.encode() + b"</inner>", True)


p.ExternalEntityRefHandler = ext
p.StartElementHandler = lambda n, a: print("start", n)
p.Parse(b'<!DOCTYPE a [<!ENTITY e SYSTEM "e.xml">]><a>&e;</a>', True)
p = expat.ParserCreate()
p.UseForeignDTD()
p.ExternalEntityRefHandler = lambda *a: print("foreign", a) or 1
p.Parse(b"<a/>", True)

# Content models.
p = expat.ParserCreate()
p.ElementDeclHandler = lambda name, model: print(name, model)
p.Parse(b"<!DOCTYPE a [<!ELEMENT a (#PCDATA|b)*><!ELEMENT b EMPTY><!ELEMENT c ((d,e)+|f?)>]><a/>", True)

# The libraries on top.
import xml.etree.ElementTree as ET
root = ET.fromstring('<r xmlns:h="urn:h"><h:x a="1">t<y/>tail</h:x><!--c--><?pi d?></r>')
print(root.tag, [c.tag for c in root], root[0].attrib, root[0].text, root[0][0].tail)
print(ET.tostring(root))
print(ET.canonicalize('<a b="2" a="1"><!--c--><x/></a>', with_comments=True))
pp = ET.XMLPullParser(events=("start", "end", "start-ns"))
pp.feed("<a xmlns='urn:a'><b>")
pp.feed("x</b></a>")
print([(ev, el if ev == "start-ns" else el.tag) for ev, el in pp.read_events()])
print([(ev, el.tag) for ev, el in ET.iterparse(io.BytesIO(b"<a><b/></a>"), ("start", "end"))])
try:
    ET.fromstring("<a><b></a>")
except ET.ParseError as ex:
    print("ParseError", ex, ex.code, ex.position)
tree = ET.parse(io.StringIO("<doc><p>hi</p></doc>"))
print(tree.getroot().find("p").text)

from xml.dom import minidom
doc = minidom.parseString('<?xml version="1.0"?><!DOCTYPE d><d a="1"><e>x</e><!--c--></d>')
print(doc.documentElement.toxml(), doc.doctype.name)

import xml.sax
from xml.sax.handler import ContentHandler


class H(ContentHandler):
    def startElement(self, name, attrs):
        print("sax start", name, dict(attrs))

    def characters(self, content):
        print("sax chars", repr(content))


xml.sax.parseString(b"<a x='1'>hi<b/></a>", H())

import plistlib
blob = plistlib.dumps({"a": [1, 2.5, True, "s"], "b": b"\x00\x01"})
print(plistlib.loads(blob))
