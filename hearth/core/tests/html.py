"""Read rendered pages the way a browser would: tags and their attributes."""

from html.parser import HTMLParser


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.script_bodies: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {name: value or "" for name, value in attrs}))
        if tag == "script":
            self._in_script = True
            self.script_bodies.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.script_bodies[-1] += data


def parse(html: str) -> _Collector:
    collector = _Collector()
    collector.feed(html)
    collector.close()
    return collector


def tags(html: str, name: str) -> list[dict[str, str]]:
    return [attrs for tag, attrs in parse(html).tags if tag == name]


def urls(html: str) -> list[str]:
    """Every src= and href= on the page."""
    found = []
    for _tag, attrs in parse(html).tags:
        found.extend(attrs[name] for name in ("src", "href") if name in attrs)
    return found


def element_by_id(html: str, element_id: str) -> tuple[str, dict[str, str]] | None:
    for tag, attrs in parse(html).tags:
        if attrs.get("id") == element_id:
            return tag, attrs
    return None
