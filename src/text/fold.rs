//! A comparison key for text: NFC, then typographic variants folded to one form.

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;

/// The folded form of one character: curly quotes to straight ones, dashes to `-`, exotic
/// spaces to a plain space, zero-width characters to nothing. `None` drops the character.
///
/// ```
/// assert_eq!(padan::text::fold_char('”'), Some('"'));
/// assert_eq!(padan::text::fold_char('\u{200B}'), None);
/// ```
pub fn fold_char(c: char) -> Option<char> {
    Some(match c {
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}'
        | '\u{2033}' => '"',
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{0060}'
        | '\u{00B4}' => '\'',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' => '-',
        '\u{00A0}' | '\u{2007}' | '\u{202F}' | '\u{2000}'..='\u{200A}' | '\u{3000}' => ' ',
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => return None,
        other => other,
    })
}

/// The comparison key of `text`: NFC-normalized, typographic variants folded ([`fold_char`]),
/// `…` spelt `...`. Never shown to a user; outputs show the original.
///
/// ```
/// assert_eq!(padan::text::fold("“Cafe\u{301}” – ok…"), "\"Café\" - ok...");
/// ```
pub fn fold(text: &str) -> String {
    fold_cow(text).into_owned()
}

/// [`fold`], borrowing `text` when it is its own folded form (ASCII without a backtick, most
/// text of both languages), so a hot path pays no copy.
///
/// ```
/// use std::borrow::Cow;
/// assert!(matches!(padan::text::fold_cow("Rusia, 7.800."), Cow::Borrowed(_)));
/// assert_eq!(padan::text::fold_cow("it`s “ok”"), "it's \"ok\"");
/// ```
// Inlined into the tokenizer, where the ASCII test is the whole cost on most segments.
#[inline]
pub fn fold_cow(text: &str) -> Cow<'_, str> {
    // ASCII text has nothing to fold but the backtick.
    if text.is_ascii() {
        return if text.as_bytes().contains(&b'`') {
            Cow::Owned(text.replace('`', "'"))
        } else {
            Cow::Borrowed(text)
        };
    }
    let mut out = String::with_capacity(text.len());
    // Most text is NFC already; the quick check saves the normalizer's buffering.
    let normalized: Box<dyn Iterator<Item = char>> =
        if unicode_normalization::is_nfc_quick(text.chars())
            == unicode_normalization::IsNormalized::Yes
        {
            Box::new(text.chars())
        } else {
            Box::new(text.nfc())
        };
    for c in normalized {
        if c == '\u{2026}' {
            out.push_str("...");
        } else if let Some(folded) = fold_char(c) {
            out.push(folded);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_typographic_variants_for_both_languages() {
        let cases = [
            ("“konstruktif”", "\"konstruktif\""),
            ("“constructive”", "\"constructive\""),
            ("Russia’s", "Russia's"),
            ("Reykjavik – yang", "Reykjavik - yang"),
            ("sama … dunia", "sama ... dunia"),
            ("7\u{00A0}800", "7 800"),
            ("ke\u{200B}tua", "ketua"),
            ("Jose\u{0301}", "José"),
        ];
        for (input, expected) in cases {
            assert_eq!(fold(input), expected, "input {input:?}");
        }
    }
}
