//! A saved web page as the article's text: the `<article>` (or `<main>`, else `<body>`) without
//! scripts, styles, navigation, headers, footers, asides and forms; block elements as paragraph
//! breaks, one paragraph a line; entities decoded and white space as a browser shows it.

use ego_tree::NodeRef;
use scraper::{ElementRef, Html, Node, Selector};

/// Elements whose content is never the article's text.
const DROPPED: [&str; 14] = [
    "script", "style", "nav", "header", "footer", "aside", "form", "noscript", "template", "svg",
    "iframe", "button", "select", "head",
];

/// Elements that break paragraphs.
const BLOCKS: [&str; 27] = [
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "td",
    "th",
    "blockquote",
    "br",
    "div",
    "section",
    "article",
    "main",
    "tr",
    "dt",
    "dd",
    "pre",
    "figcaption",
    "caption",
    "ul",
    "ol",
    "table",
    "hr",
    "address",
];

/// The encoding a page declares in its first 1,024 bytes (`<meta charset="...">` or
/// `<meta http-equiv="Content-Type" content="...; charset=...">`), as browsers look for it.
///
/// ```
/// let page = b"<html><head><meta charset=\"windows-1252\"></head>";
/// assert_eq!(padan::text::html::declared_charset(page).map(|e| e.name()), Some("windows-1252"));
/// ```
pub fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_ascii_lowercase();
    let mut rest = head.as_str();
    while let Some(at) = rest.find("<meta") {
        rest = &rest[at + 5..];
        let tag = &rest[..rest.find('>').unwrap_or(rest.len())];
        if let Some(k) = tag.find("charset") {
            let value = tag[k + 7..]
                .trim_start_matches(|c: char| c.is_whitespace() || c == '=')
                .trim_start_matches(['"', '\'']);
            let end = value
                .find(|c: char| c == '"' || c == '\'' || c == ';' || c.is_whitespace() || c == '/')
                .unwrap_or(value.len());
            if let Some(found) = encoding_rs::Encoding::for_label(&value.as_bytes()[..end]) {
                return Some(found);
            }
        }
    }
    None
}

/// The article's text of a page: paragraphs one a line.
///
/// ```
/// let page = "<html><head><title>t</title><script>x()</script></head><body><nav>Menu</nav>\
///     <article><h1>Ketegangan Arktik</h1><p>Rusia &amp; AS<br>bertemu.</p></article>\
///     <footer>© 2021</footer></body></html>";
/// assert_eq!(padan::text::html::article_text(page), "Ketegangan Arktik\nRusia & AS\nbertemu.");
/// ```
pub fn article_text(page: &str) -> String {
    let document = Html::parse_document(page);
    let root = largest(&document, "article")
        .or_else(|| largest(&document, "main"))
        .or_else(|| first(&document, "body"))
        .unwrap_or_else(|| document.root_element());
    let mut text = Paragraphs::default();
    walk(*root, &mut text);
    text.finish()
}

fn first<'a>(document: &'a Html, tag: &str) -> Option<ElementRef<'a>> {
    let selector = Selector::parse(tag).ok()?;
    document.select(&selector).next()
}

/// Of the elements `tag`, the one with the most text (a page may list related articles).
fn largest<'a>(document: &'a Html, tag: &str) -> Option<ElementRef<'a>> {
    let selector = Selector::parse(tag).ok()?;
    let mut best: Option<(usize, ElementRef)> = None;
    for element in document.select(&selector) {
        let size = element.text().map(str::len).sum::<usize>();
        // Ties go to the first.
        if best.as_ref().is_none_or(|(b, _)| size > *b) {
            best = Some((size, element));
        }
    }
    best.map(|(_, e)| e)
}

/// Paragraphs being collected: text joins the current one, a block ends it.
#[derive(Default)]
struct Paragraphs {
    done: Vec<String>,
    current: String,
    /// White space was seen since the last character.
    space: bool,
}

impl Paragraphs {
    /// Adds a text node, its runs of white space folded to one space, as a browser shows it.
    fn push_text(&mut self, text: &str) {
        for c in text.chars() {
            if c.is_whitespace() {
                self.space = !self.current.is_empty();
            } else {
                if self.space {
                    self.current.push(' ');
                    self.space = false;
                }
                self.current.push(c);
            }
        }
    }

    fn break_paragraph(&mut self) {
        let paragraph = self.current.trim();
        if !paragraph.is_empty() {
            self.done.push(paragraph.to_owned());
        }
        self.current.clear();
        self.space = false;
    }

    fn finish(mut self) -> String {
        self.break_paragraph();
        self.done.join("\n")
    }
}

fn walk(node: NodeRef<Node>, out: &mut Paragraphs) {
    match node.value() {
        Node::Text(text) => out.push_text(text),
        Node::Element(element) => {
            let name = element.name();
            if DROPPED.contains(&name) {
                return;
            }
            let block = BLOCKS.contains(&name);
            if block {
                out.break_paragraph();
            }
            for child in node.children() {
                walk(child, out);
            }
            if block {
                out.break_paragraph();
            }
        }
        Node::Document | Node::Fragment => {
            for child in node.children() {
                walk(child, out);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_saved_page_gives_its_article_only() {
        let page = r#"<!DOCTYPE html><html><head><meta charset="utf-8"><title>Berita</title>
            <style>p{color:red}</style><script>var x = "<p>no</p>";</script></head>
            <body><header><a href="/">Beranda</a></header><nav><ul><li>Politik</li></ul></nav>
            <main><article><h1>Ketegangan   Arktik</h1>
            <p>Menteri luar negeri&nbsp;AS dan <b>Rusia</b>
               bertemu.</p><p>Baca &quot;juga&quot;</p>
            <form><input></form></article><aside>Iklan</aside></main>
            <footer>&copy; 2021</footer></body></html>"#;
        assert_eq!(
            article_text(page),
            "Ketegangan Arktik\nMenteri luar negeri AS dan Rusia bertemu.\nBaca \"juga\""
        );
    }

    #[test]
    fn without_an_article_the_body_is_the_text() {
        let page = "<html><body><div>Satu.</div><div>Dua <i>dua</i>.</div><table><tr><td>a</td><td>b</td></tr></table></body></html>";
        assert_eq!(article_text(page), "Satu.\nDua dua.\na\nb");
    }

    #[test]
    fn a_declared_charset_is_found_either_way() {
        let cases: [(&[u8], Option<&str>); 4] = [
            (b"<meta charset=iso-8859-1>", Some("windows-1252")),
            (
                b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\">",
                Some("Shift_JIS"),
            ),
            (b"<meta name=\"description\" content=\"x\">", None),
            (b"<p>charset=utf-8</p>", None),
        ];
        for (bytes, expected) in cases {
            assert_eq!(
                declared_charset(bytes).map(|e| e.name()),
                expected,
                "{bytes:?}"
            );
        }
    }
}
