//! Bytes to text: byte-order marks, UTF-16, legacy encodings, and the errors a user can fix.

use crate::error::{Error, Location, Warning};

/// The encoding to read input in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// Told from the bytes: a byte-order mark, UTF-16's NUL pattern, valid UTF-8, or else the
    /// encoding detector's guess (with a warning).
    Auto,
    /// A named encoding (any WHATWG label: `windows-1252`, `latin1`, `utf-16le`, ...), for the
    /// files that are not UTF-8 (a byte-order mark and valid UTF-8 still win).
    Named(&'static encoding_rs::Encoding),
}

impl Encoding {
    /// Looks up an encoding by its WHATWG label. `replacement` (which decodes every text to
    /// one U+FFFD) names no encoding a file is written in.
    ///
    /// ```
    /// assert!(padan::text::Encoding::from_label("windows-1252").is_some());
    /// assert!(padan::text::Encoding::from_label("klingon").is_none());
    /// assert!(padan::text::Encoding::from_label("replacement").is_none());
    /// ```
    pub fn from_label(label: &str) -> Option<Self> {
        if label.eq_ignore_ascii_case("auto") {
            return Some(Encoding::Auto);
        }
        encoding_rs::Encoding::for_label(label.trim().as_bytes())
            .filter(|e| *e != encoding_rs::REPLACEMENT)
            .map(Encoding::Named)
    }
}

/// Decoded input text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without a byte-order mark; line ends as they were.
    pub text: String,
    /// The encoding the bytes were read as (`UTF-8`, `UTF-16LE`, ...).
    pub encoding: &'static str,
    /// Bytes of byte-order mark skipped at the start of the input.
    pub bom_len: usize,
    /// Set when the encoding was a guess: what the user should hear about it.
    pub warning: Option<Warning>,
}

impl Decoded {
    /// Text that was UTF-8 from the start (a record's field, an edited cell).
    pub fn utf8(text: String) -> Self {
        Decoded {
            text,
            encoding: "UTF-8",
            bom_len: 0,
            warning: None,
        }
    }
}

/// Decodes `bytes` read from `file` (a name used in messages only).
///
/// A byte-order mark decides; UTF-16 without one is told by its NUL bytes; valid UTF-8 is
/// UTF-8. Anything else is read in the encoding `encoding` names, or, when it names none, in
/// the encoding the detector browsers use (chardetng) guesses, with a warning. An explicit
/// `utf-8` for bytes that are not is an error naming line and column. NUL bytes that are not
/// UTF-16 mean a binary file; empty or whitespace-only input is an error too.
///
/// ```
/// use padan::text::{decode, Encoding};
/// let decoded = decode(b"\xEF\xBB\xBFhalo", "a.txt", Encoding::Auto).unwrap();
/// assert_eq!((decoded.text.as_str(), decoded.bom_len), ("halo", 3));
/// let guessed = decode(b"caf\xE9 cr\xE8me br\xFBl\xE9e", "a.txt", Encoding::Auto).unwrap();
/// assert_eq!((guessed.text.as_str(), guessed.encoding), ("café crème brûlée", "windows-1252"));
/// assert!(guessed.warning.is_some());
/// ```
pub fn decode(bytes: &[u8], file: &str, encoding: Encoding) -> Result<Decoded, Error> {
    let decoded = decode_any(bytes, file, encoding)?;
    if decoded.text.is_empty() {
        return Err(Error::Empty {
            at: Location::file(file),
            whitespace_only: false,
        });
    }
    if decoded.text.chars().all(super::is_space) {
        return Err(Error::Empty {
            at: Location::file(file),
            whitespace_only: true,
        });
    }
    Ok(decoded)
}

fn decode_any(bytes: &[u8], file: &str, encoding: Encoding) -> Result<Decoded, Error> {
    if let Some((found, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        return Ok(decode_as(&bytes[bom_len..], found, bom_len));
    }
    let named = match encoding {
        Encoding::Named(named) => Some(named),
        Encoding::Auto => None,
    };
    if let Some(named) =
        named.filter(|n| *n == encoding_rs::UTF_16LE || *n == encoding_rs::UTF_16BE)
    {
        return Ok(decode_as(bytes, named, 0));
    }
    if bytes.contains(&0) {
        return match utf16_without_bom(bytes) {
            Some(found) => Ok(decode_as(bytes, found, 0)),
            None => Err(Error::Binary {
                at: Location::file(file),
            }),
        };
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Decoded::utf8(text.to_owned())),
        Err(e) if named == Some(encoding_rs::UTF_8) => Err(invalid_utf8(bytes, e, file)),
        Err(_) => match named {
            Some(named) => Ok(decode_as(bytes, named, 0)),
            None => Ok(guess(bytes, file)),
        },
    }
}

fn decode_as(bytes: &[u8], encoding: &'static encoding_rs::Encoding, bom_len: usize) -> Decoded {
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    Decoded {
        text: text.into_owned(),
        encoding: encoding.name(),
        bom_len,
        warning: None,
    }
}

/// Bytes that are not UTF-8, read in the encoding the detector guesses, with a warning that
/// says so and how to name another.
fn guess(bytes: &[u8], file: &str) -> Decoded {
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let found = detector.guess(None, false);
    let mut decoded = decode_as(bytes, found, 0);
    decoded.warning = Some(Warning::new(format!(
        "{file}: not UTF-8; read as {} (a guess from its bytes); if the text looks wrong, name \
         its encoding with --encoding (for example --encoding windows-1252)",
        found.name()
    )));
    decoded
}

/// The error for bytes named UTF-8 that are not: the line and column of the first bad byte.
fn invalid_utf8(bytes: &[u8], e: std::str::Utf8Error, file: &str) -> Error {
    let valid = &bytes[..e.valid_up_to()];
    let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = valid.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
    // The prefix is valid UTF-8 by construction, so counting its chars is exact.
    let column = String::from_utf8_lossy(&valid[line_start..])
        .chars()
        .count()
        + 1;
    Error::InvalidUtf8 {
        at: Location {
            file: file.to_owned(),
            line,
            column,
        },
    }
}

/// UTF-16 without a byte-order mark shows as NULs in every other byte for Latin text: mostly in
/// odd positions for little-endian, even for big-endian, and almost never in the other half.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    if bytes.len() < 2 || bytes.len() % 2 != 0 {
        return None;
    }
    let pairs = bytes.len() / 2;
    let even = bytes.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd = bytes.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    let (zeros, other, encoding) = if odd >= even {
        (odd, even, encoding_rs::UTF_16LE)
    } else {
        (even, odd, encoding_rs::UTF_16BE)
    };
    // Mostly-ASCII text in UTF-16 has a NUL in nearly every unit; require half, and a clean other side.
    if zeros * 2 >= pairs && other * 20 <= pairs {
        Some(encoding)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
        let mut out = Vec::new();
        let units = std::iter::once(0xFEFF)
            .filter(|_| bom)
            .chain(text.encode_utf16());
        for unit in units {
            let bytes = if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            };
            out.extend_from_slice(&bytes);
        }
        out
    }

    #[test]
    fn decodes_every_supported_form_of_the_same_text() {
        let text = "Kutub Utara “Arktik”\r\nbaris dua";
        let mut with_bom = b"\xEF\xBB\xBF".to_vec();
        with_bom.extend_from_slice(text.as_bytes());
        let cases = [
            ("utf-8", text.as_bytes().to_vec()),
            ("utf-8 bom", with_bom),
            ("utf-16le bom", utf16(text, false, true)),
            ("utf-16be bom", utf16(text, true, true)),
            ("utf-16le", utf16(text, false, false)),
            ("utf-16be", utf16(text, true, false)),
        ];
        for (name, bytes) in cases {
            let decoded = decode(&bytes, "x", Encoding::Auto);
            assert_eq!(
                decoded.map(|d| d.text).ok().as_deref(),
                Some(text),
                "case {name}"
            );
        }
    }

    #[test]
    fn bytes_named_utf8_that_are_not_name_line_and_column() {
        let utf8 = Encoding::from_label("utf-8").unwrap();
        let err = decode(b"satu\ndu\xE9a", "f.txt", utf8).unwrap_err();
        assert_eq!(
            err.to_string(),
            "f.txt:2:3: not UTF-8, though --encoding says it is; name the file's encoding \
             (for example --encoding windows-1252), or leave --encoding out to have it guessed"
        );
    }

    #[test]
    fn a_named_encoding_reads_only_files_that_are_not_utf8() {
        let encoding = Encoding::from_label("windows-1252").unwrap();
        let decoded = decode(b"caf\xE9", "f", encoding).unwrap();
        assert_eq!((decoded.text.as_str(), decoded.warning), ("café", None));
        // Valid UTF-8 stays UTF-8, whatever --encoding says.
        let decoded = decode("Kutub “Utara”".as_bytes(), "f", encoding).unwrap();
        assert_eq!(decoded.text, "Kutub “Utara”");
    }

    #[test]
    fn a_guessed_encoding_says_so() {
        let decoded = decode(
            b"Pertemuan di Reykjav\xEDk \x93konstruktif\x94.",
            "en.txt",
            Encoding::Auto,
        )
        .unwrap();
        assert_eq!(decoded.text, "Pertemuan di Reykjavík “konstruktif”.");
        assert_eq!(
            decoded.warning.map(|w| w.message),
            Some(
                "en.txt: not UTF-8; read as windows-1252 (a guess from its bytes); if the text \
                 looks wrong, name its encoding with --encoding (for example --encoding \
                 windows-1252)"
                    .to_owned()
            )
        );
    }

    #[test]
    fn empty_whitespace_and_binary_inputs_are_errors() {
        let cases: [(&[u8], &str); 4] = [
            (
                b"",
                "f: the file is empty, give a file with text to work on",
            ),
            (
                b" \n\t\r\n",
                "f: the file holds only whitespace, give a file with text to work on",
            ),
            (
                b"\x7fELF\x02\x01\x00\x00\x00\x00\x03",
                "f: looks like a binary file (it contains NUL bytes), give a plain-text file",
            ),
            (
                b"\xEF\xBB\xBF",
                "f: the file is empty, give a file with text to work on",
            ),
        ];
        for (bytes, message) in cases {
            let err = decode(bytes, "f", Encoding::Auto).unwrap_err();
            assert_eq!(err.to_string(), message, "input {bytes:?}");
        }
    }
}
