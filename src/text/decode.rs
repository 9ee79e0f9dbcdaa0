//! Bytes to text: byte-order marks, UTF-16, legacy encodings, and the errors a user can fix.

use crate::error::{Error, Location};

/// The encoding to read input in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8, or UTF-16 when a byte-order mark or the NUL pattern of UTF-16 says so.
    Auto,
    /// A named encoding (any WHATWG label: `windows-1252`, `latin1`, `utf-16le`, ...).
    Named(&'static encoding_rs::Encoding),
}

impl Encoding {
    /// Looks up an encoding by its WHATWG label.
    ///
    /// ```
    /// assert!(padan::text::Encoding::from_label("windows-1252").is_some());
    /// assert!(padan::text::Encoding::from_label("klingon").is_none());
    /// ```
    pub fn from_label(label: &str) -> Option<Self> {
        if label.eq_ignore_ascii_case("auto") {
            return Some(Encoding::Auto);
        }
        encoding_rs::Encoding::for_label(label.trim().as_bytes()).map(Encoding::Named)
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
}

/// Decodes `bytes` read from `file` (a name used in errors only).
///
/// UTF-8 with or without a byte-order mark is taken as it is; UTF-16 LE/BE with a byte-order
/// mark, or without one when every other byte is NUL, is converted. Invalid UTF-8 is an error
/// naming line and column; NUL bytes that are not UTF-16 mean a binary file; empty or
/// whitespace-only input is an error too.
///
/// ```
/// use padan::text::{decode, Encoding};
/// let decoded = decode(b"\xEF\xBB\xBFhalo", "a.txt", Encoding::Auto).unwrap();
/// assert_eq!((decoded.text.as_str(), decoded.bom_len), ("halo", 3));
/// assert!(decode(b"caf\xE9", "a.txt", Encoding::Auto).is_err());
/// ```
pub fn decode(bytes: &[u8], file: &str, encoding: Encoding) -> Result<Decoded, Error> {
    let decoded = match encoding {
        Encoding::Named(named) => decode_with(bytes, named),
        Encoding::Auto => decode_auto(bytes, file)?,
    };
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

fn decode_with(bytes: &[u8], encoding: &'static encoding_rs::Encoding) -> Decoded {
    // A byte-order mark overrides the label, as browsers do; decode() strips it.
    let (text, used, _) = encoding.decode(bytes);
    let bom_len = encoding_rs::Encoding::for_bom(bytes).map_or(0, |(_, len)| len);
    Decoded {
        text: text.into_owned(),
        encoding: used.name(),
        bom_len,
    }
}

fn decode_auto(bytes: &[u8], file: &str) -> Result<Decoded, Error> {
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return Ok(Decoded {
            text: text.into_owned(),
            encoding: encoding.name(),
            bom_len,
        });
    }
    if bytes.contains(&0) {
        return match utf16_without_bom(bytes) {
            Some(encoding) => Ok(decode_with(bytes, encoding)),
            None => Err(Error::Binary {
                at: Location::file(file),
            }),
        };
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text: text.to_owned(),
            encoding: "UTF-8",
            bom_len: 0,
        }),
        Err(e) => {
            let valid = &bytes[..e.valid_up_to()];
            let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
            let line_start = valid.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
            // The prefix is valid UTF-8 by construction, so counting its chars is exact.
            let column = String::from_utf8_lossy(&valid[line_start..])
                .chars()
                .count()
                + 1;
            Err(Error::InvalidUtf8 {
                at: Location {
                    file: file.to_owned(),
                    line,
                    column,
                },
            })
        }
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
    fn invalid_utf8_names_line_and_column() {
        let err = decode(b"satu\ndu\xE9a", "f.txt", Encoding::Auto).unwrap_err();
        assert_eq!(
            err.to_string(),
            "f.txt:2:3: invalid UTF-8, name the file's encoding with --encoding \
             (for example --encoding windows-1252)"
        );
    }

    #[test]
    fn a_named_encoding_reads_legacy_bytes() {
        let encoding = Encoding::from_label("windows-1252").unwrap();
        let decoded = decode(b"caf\xE9", "f", encoding).unwrap();
        assert_eq!(decoded.text, "café");
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
