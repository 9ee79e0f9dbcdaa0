//! The languages padan knows, and a cheap check that a text is in the language it claims.

use std::fmt;
use std::str::FromStr;

/// A language padan has rules for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    /// Indonesian (Bahasa Indonesia).
    Id,
    /// English.
    En,
}

impl Lang {
    /// The ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }

    /// The locale written where a CAT tool expects one (TMX, TBX): `id-ID`, `en-US`.
    pub fn locale(self) -> &'static str {
        match self {
            Lang::Id => "id-ID",
            Lang::En => "en-US",
        }
    }

    /// The language's name in English, for messages and spreadsheet headers.
    pub fn name(self) -> &'static str {
        match self {
            Lang::Id => "Indonesian",
            Lang::En => "English",
        }
    }

    /// Whether `word` (lower case) is one of the function words frequent in this language and
    /// rare in the other, for [`guess`]. A `match` on the words: no allocation, no search.
    fn is_marker(self, word: &str) -> bool {
        match self {
            Lang::Id => matches!(
                word,
                "yang"
                    | "dan"
                    | "di"
                    | "ini"
                    | "itu"
                    | "dengan"
                    | "untuk"
                    | "dari"
                    | "dalam"
                    | "tidak"
                    | "akan"
                    | "pada"
                    | "adalah"
                    | "ke"
                    | "juga"
                    | "oleh"
                    | "karena"
                    | "bahwa"
                    | "ada"
                    | "saya"
                    | "kami"
                    | "mereka"
                    | "tersebut"
                    | "atau"
                    | "bisa"
                    | "dapat"
                    | "sudah"
                    | "telah"
            ),
            Lang::En => matches!(
                word,
                "the"
                    | "of"
                    | "and"
                    | "to"
                    | "in"
                    | "is"
                    | "that"
                    | "for"
                    | "with"
                    | "was"
                    | "on"
                    | "are"
                    | "by"
                    | "this"
                    | "be"
                    | "from"
                    | "have"
                    | "has"
                    | "it"
                    | "not"
                    | "at"
                    | "as"
                    | "were"
                    | "which"
                    | "or"
                    | "their"
                    | "will"
                    | "would"
            ),
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Lang {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "id" | "ind" | "in" | "indonesian" | "id-id" => Ok(Lang::Id),
            "en" | "eng" | "english" | "en-us" | "en-gb" => Ok(Lang::En),
            other => Err(format!(
                "unknown language {other:?}, padan knows id (Indonesian) and en (English)"
            )),
        }
    }
}

/// A language as a user names it: a BCP-47 tag (`id`, `id-ID`, `en-GB`), written as given into
/// the formats that carry one (TMX, TBX, workbooks), and the [`Lang`] whose rules apply.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Locale {
    /// The language whose rules apply (from the tag's primary subtag).
    pub lang: Lang,
    /// The tag as given (an underscore read as a hyphen).
    pub tag: String,
}

impl Locale {
    /// The locale padan writes for a language when none is given: `id-ID`, `en-US`.
    pub fn default_for(lang: Lang) -> Self {
        Locale {
            lang,
            tag: lang.locale().to_owned(),
        }
    }

    /// The language's name and the tag, for headers: `English (en-GB)`.
    pub fn label(&self) -> String {
        format!("{} ({})", self.lang.name(), self.tag)
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.tag)
    }
}

impl FromStr for Locale {
    type Err = String;

    /// Parses a tag: a primary subtag padan knows (`id`, `in`, `ind`, `en`, `eng`, or the
    /// language's English name), then any subtags of one to eight letters and digits.
    ///
    /// ```
    /// use padan::lang::{Lang, Locale};
    /// let gb: Locale = "en-GB".parse().unwrap();
    /// assert_eq!((gb.lang, gb.tag.as_str()), (Lang::En, "en-GB"));
    /// assert_eq!("id_ID".parse::<Locale>().map(|l| l.tag), Ok("id-ID".to_owned()));
    /// assert!("fr-FR".parse::<Locale>().is_err());
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let tag = s.trim().replace('_', "-");
        let mut subtags = tag.split('-');
        let primary = subtags.next().unwrap_or("");
        let lang: Lang = match primary.to_ascii_lowercase().as_str() {
            "id" | "in" | "ind" | "indonesian" => Lang::Id,
            "en" | "eng" | "english" => Lang::En,
            _ => {
                return Err(format!(
                    "unknown language {s:?}, padan knows id (Indonesian) and en (English), with \
                     any region: id, id-ID, en, en-GB, en-US"
                ))
            }
        };
        if let Some(bad) = subtags
            .find(|t| t.is_empty() || t.len() > 8 || !t.chars().all(|c| c.is_ascii_alphanumeric()))
        {
            return Err(format!(
                "{s:?} is not a language tag: the part {bad:?} should be one to eight letters or \
                 digits (for example en-GB or id-ID)"
            ));
        }
        let tag = match primary.to_ascii_lowercase().as_str() {
            "indonesian" | "english" => lang.code().to_owned(),
            _ => tag,
        };
        Ok(Locale { lang, tag })
    }
}

/// Guesses which of padan's languages `text` is in, from how often each language's function
/// words occur. `None` when the text has too few of either to tell (a list of names, numbers).
///
/// ```
/// use padan::{lang::guess, Lang};
/// assert_eq!(guess("Menteri luar negeri AS dan Rusia berusaha meredakan ketegangan yang ada."), Some(Lang::Id));
/// assert_eq!(guess("The foreign ministers of the US and Russia tried to ease tensions."), Some(Lang::En));
/// ```
pub fn guess(text: &str) -> Option<Lang> {
    let mut id = 0usize;
    let mut en = 0usize;
    // One buffer for every word's lower case: this runs over both texts of every pair.
    let mut lower = String::new();
    for word in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(5_000)
    {
        lower.clear();
        if word.is_ascii() {
            lower.push_str(word);
            lower.make_ascii_lowercase();
        } else {
            lower.extend(word.chars().flat_map(char::to_lowercase));
        }
        // Markers are short: a longer word is none.
        if lower.len() > 8 {
            continue;
        }
        id += usize::from(Lang::Id.is_marker(&lower));
        en += usize::from(Lang::En.is_marker(&lower));
    }
    // Require a clear majority of enough evidence; short or mixed texts stay undecided.
    if id + en < 3 {
        None
    } else if id >= 2 * en.max(1) {
        Some(Lang::Id)
    } else if en >= 2 * id.max(1) {
        Some(Lang::En)
    } else {
        None
    }
}
