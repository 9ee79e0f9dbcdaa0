//! What kind of file the bytes are, told from their content (never from the file's name):
//! plain text, a saved web page, a word-processor document, or something padan does not read
//! as an article (with what to do about it).

use crate::error::{Error, Location};

/// The kind of an input file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text.
    Text,
    /// An HTML page (a saved article).
    Html,
    /// A Word document (.docx, Office Open XML).
    Docx,
    /// An OpenDocument text (.odt, LibreOffice Writer).
    Odt,
}

impl Format {
    /// The format's name for messages.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "HTML",
            Format::Docx => "Word (DOCX)",
            Format::Odt => "OpenDocument (ODT)",
        }
    }
}

/// The format of `bytes` read from `file`; an error that names the format and what to do for a
/// file padan does not read as an article (PDF, RTF, a spreadsheet, an image, an old Word
/// document, another archive).
///
/// ```
/// use padan::text::{sniff, Format};
/// assert_eq!(sniff(b"<!DOCTYPE html><html><body><p>Halo</p></body></html>", "a.html").unwrap(), Format::Html);
/// assert_eq!(sniff("Kutub Utara".as_bytes(), "a.txt").unwrap(), Format::Text);
/// assert!(sniff(b"%PDF-1.7\n", "a.pdf").unwrap_err().to_string().contains("pdftotext"));
/// ```
pub fn sniff(bytes: &[u8], file: &str) -> Result<Format, Error> {
    let unsupported = |found: &str, advice: &str| Error::Unsupported {
        at: Location::file(file),
        found: found.to_owned(),
        advice: advice.to_owned(),
    };
    if bytes.starts_with(b"%PDF-") {
        return Err(unsupported(
            "a PDF document",
            "extract its text first, e.g. pdftotext -layout article.pdf article.txt, and give \
             the .txt",
        ));
    }
    if bytes.starts_with(b"{\\rtf") {
        return Err(unsupported(
            "an RTF document",
            "save it as .docx or plain text (UTF-8) from the word processor, or convert it: \
             libreoffice --headless --convert-to docx article.rtf",
        ));
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(unsupported(
            "an old Microsoft Office file (.doc or .xls)",
            "save it as .docx (or plain text) from the word processor, or convert it: \
             libreoffice --headless --convert-to docx article.doc",
        ));
    }
    if let Some(image) = image_kind(bytes) {
        return Err(unsupported(
            &format!("a {image} image"),
            "give the article's text; an image needs OCR first (e.g. tesseract image.png article)",
        ));
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return zip_kind(bytes).map_err(|found| {
            let advice = if found.contains("spreadsheet") {
                "give the article as text, .docx or .html; a reviewed alignment goes to padan \
                 export, a glossary to --glossary or --reviewed"
            } else {
                "give the article as text, .docx, .odt or .html"
            };
            unsupported(found, advice)
        });
    }
    Ok(if looks_like_html(bytes) {
        Format::Html
    } else {
        Format::Text
    })
}

fn image_kind(bytes: &[u8]) -> Option<&'static str> {
    let riff_webp = bytes.len() >= 12 && bytes.starts_with(b"RIFF") && &bytes[8..12] == b"WEBP";
    Some(if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        "PNG"
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        "JPEG"
    } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        "GIF"
    } else if bytes.starts_with(b"II*\0") || bytes.starts_with(b"MM\0*") {
        "TIFF"
    } else if riff_webp {
        "WebP"
    } else {
        return None;
    })
}

/// Which kind of zip archive: a document padan reads, or what else it is.
fn zip_kind(bytes: &[u8]) -> Result<Format, &'static str> {
    let Ok(archive) = zip::ZipArchive::new(std::io::Cursor::new(bytes)) else {
        return Err("a damaged zip archive");
    };
    let has = |name: &str| archive.file_names().any(|n| n == name);
    if has("word/document.xml") {
        return Ok(Format::Docx);
    }
    if has("xl/workbook.xml") {
        return Err("an Excel spreadsheet (.xlsx)");
    }
    if has("ppt/presentation.xml") {
        return Err("a PowerPoint presentation (.pptx)");
    }
    if has("content.xml") {
        let mut archive = archive;
        let mimetype = archive
            .by_name("mimetype")
            .ok()
            .and_then(|mut f| {
                let mut text = String::new();
                std::io::Read::read_to_string(&mut f, &mut text).ok()?;
                Some(text)
            })
            .unwrap_or_default();
        return match mimetype.trim() {
            "application/vnd.oasis.opendocument.text" => Ok(Format::Odt),
            "application/vnd.oasis.opendocument.spreadsheet" => {
                Err("an OpenDocument spreadsheet (.ods)")
            }
            _ => Err("an OpenDocument file that is not a text"),
        };
    }
    if has("META-INF/container.xml") {
        return Err("an EPUB book");
    }
    Err("a zip archive")
}

/// Whether text bytes are an HTML page: after any byte-order mark, white space and comments,
/// a doctype or an `<html>`, `<head>` or `<body>` tag, or markup that is mostly tags.
fn looks_like_html(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    let text = String::from_utf8_lossy(head).to_ascii_lowercase();
    let text = text.trim_start_matches('\u{feff}').trim_start();
    if text.starts_with("<!doctype html")
        || text.starts_with("<html")
        || text.starts_with("<?xml") && text.contains("<html")
    {
        return true;
    }
    let start = text.trim_start_matches(|c: char| c.is_whitespace());
    let after_comments = start
        .strip_prefix("<!--")
        .and_then(|rest| rest.split_once("-->").map(|(_, r)| r.trim_start()))
        .unwrap_or(start);
    after_comments.starts_with('<')
        && ["<head", "<body", "<p>", "<p ", "<div", "<article", "<meta"]
            .iter()
            .any(|tag| text.contains(tag))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_is_told_from_its_bytes() {
        let cases: [(&[u8], Result<Format, &str>); 9] = [
            (b"Kutub Utara.\n", Ok(Format::Text)),
            (b"<html><body><p>x</p></body></html>", Ok(Format::Html)),
            (
                b"\n<!-- saved -->\n<head><meta charset=utf-8></head>",
                Ok(Format::Html),
            ),
            (b"a < b and <c> is text", Ok(Format::Text)),
            (b"%PDF-1.4", Err("a PDF document")),
            (b"{\\rtf1\\ansi", Err("an RTF document")),
            (b"\x89PNG\r\n\x1a\n....", Err("a PNG image")),
            (b"\xFF\xD8\xFF\xE0", Err("a JPEG image")),
            (
                b"\xD0\xCF\x11\xE0\xA1\xB1",
                Err("an old Microsoft Office file"),
            ),
        ];
        for (bytes, expected) in cases {
            let got = sniff(bytes, "f");
            match expected {
                Ok(format) => assert_eq!(got.ok(), Some(format), "{bytes:?}"),
                Err(found) => {
                    let message = got.map(|_| String::new()).unwrap_or_else(|e| e.to_string());
                    assert!(message.starts_with(&format!("f: {found}")), "{message}");
                }
            }
        }
    }
}
