from __future__ import annotations

from pathlib import Path

import pytest

HERE = Path(__file__).parent

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Example Wire</title><link>https://wire.example.org/</link>
<description>news</description>
<item><title>Clashes in Tripoli</title><link>https://wire.example.org/1</link>
<pubDate>Mon, 05 Apr 2021 08:00:00 GMT</pubDate>
<description>Short summary only.</description>
<content:encoded><![CDATA[<p>Rival militias clashed in Tripoli on Sunday.</p><p>Three fighters were
killed, a hospital said.</p>]]></content:encoded></item>
<item><title>Protest in Basra</title><link>https://wire.example.org/2</link>
<pubDate>Tue, 06 Apr 2021 09:30:00 GMT</pubDate>
<description>&lt;b&gt;Hundreds&lt;/b&gt; protested in Basra over power cuts.</description></item>
<item><title>Empty</title><link>https://wire.example.org/3</link><description></description></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title>
<id>urn:x</id><updated>2021-05-01T00:00:00Z</updated>
<entry><title>Air strike near Idlib</title><id>urn:1</id>
<link href="https://atom.example.org/1"/><updated>2021-05-02T12:00:00Z</updated>
<summary>An air strike hit a market near Idlib.</summary></entry>
</feed>
"""


@pytest.fixture
def page_html() -> Path:
    return HERE / "page.html"
