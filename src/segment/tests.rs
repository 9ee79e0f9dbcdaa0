use super::*;
use proptest::prelude::*;

/// (rule, language, input, expected segments)
type Case = (&'static str, Lang, &'static str, &'static [&'static str]);

const CASES: &[Case] = &[
    // Company forms, Roman numerals after No., addresses, capitals, informal English.
    (
        "company form before a bracket",
        Lang::Id,
        "Sampoerna Packaging Asia Pte. Ltd. (SPA) menjual sahamnya. Itu kabar baik.",
        &["Sampoerna Packaging Asia Pte. Ltd. (SPA) menjual sahamnya.", "Itu kabar baik."],
    ),
    (
        "Roman numeral after No.",
        Lang::Id,
        "Sesuai Peraturan Bapepam No. XI tentang saham.",
        &["Sesuai Peraturan Bapepam No. XI tentang saham."],
    ),
    (
        "an abbreviation in capitals",
        Lang::Id,
        "Sekolah itu terletak di JL. KS Tubun No. 3 Pontianak.",
        &["Sekolah itu terletak di JL. KS Tubun No. 3 Pontianak."],
    ),
    (
        "an e-mail address",
        Lang::En,
        "Write to Vangie.McGilloway@powersrc.com today.",
        &["Write to Vangie.McGilloway@powersrc.com today."],
    ),
    (
        "a comma after a full stop",
        Lang::En,
        "It went to Carr Futures Inc. , 2000 of them.",
        &["It went to Carr Futures Inc. , 2000 of them."],
    ),
    (
        "informal English starts in lower case",
        Lang::En,
        "Let me know if anyone is interested. jill allen finishes at noon.",
        &["Let me know if anyone is interested.", "jill allen finishes at noon."],
    ),
    (
        "Indonesian does not start in lower case",
        Lang::Id,
        "Ia datang pada pukul 5 sore. dan pergi lagi.",
        &["Ia datang pada pukul 5 sore. dan pergi lagi."],
    ),
    (
        "a lower-case word after an abbreviation",
        Lang::En,
        "We met at 10 a.m. and left at noon.",
        &["We met at 10 a.m. and left at noon."],
    ),
    // Paragraphs: every line is a hard boundary; a line without final punctuation is a segment.
    (
        "line breaks",
        Lang::Id,
        "Ketegangan Arktik\nBlinken menyerukan kerja sama",
        &["Ketegangan Arktik", "Blinken menyerukan kerja sama"],
    ),
    (
        "line breaks",
        Lang::En,
        "Arctic tensions\r\n\r\nBlinken called for cooperation",
        &["Arctic tensions", "Blinken called for cooperation"],
    ),
    // Plain boundaries.
    (
        "period",
        Lang::Id,
        "Lavrov tidak menjawab. Dia mengatakan hal lain.",
        &["Lavrov tidak menjawab.", "Dia mengatakan hal lain."],
    ),
    (
        "period",
        Lang::En,
        "There was no breakthrough. Still, the talks went on.",
        &["There was no breakthrough.", "Still, the talks went on."],
    ),
    (
        "question and exclamation",
        Lang::Id,
        "Apakah Anda demam? Saya batuk! Itu saja.",
        &["Apakah Anda demam?", "Saya batuk!", "Itu saja."],
    ),
    (
        "question and exclamation",
        Lang::En,
        "Do you have a fever? I cough! That is all.",
        &["Do you have a fever?", "I cough!", "That is all."],
    ),
    (
        "question before a lower-case sentence (transcribed speech)",
        Lang::Id,
        "sudah berapa lama? dan apakah Anda demam?",
        &["sudah berapa lama?", "dan apakah Anda demam?"],
    ),
    (
        "question before a lower-case sentence (transcribed speech)",
        Lang::En,
        "how long has it been? and do you have a fever?",
        &["how long has it been?", "and do you have a fever?"],
    ),
    // Abbreviations and titles.
    (
        "titles",
        Lang::Id,
        "Dr. Ehud Ur dan Prof. Budi datang. H. Agus Salim hadir.",
        &["Dr. Ehud Ur dan Prof. Budi datang.", "H. Agus Salim hadir."],
    ),
    (
        "titles",
        Lang::En,
        "Mr. Smith met Mrs. Jones and Dr. Ur. St. Louis was cold.",
        &["Mr. Smith met Mrs. Jones and Dr. Ur.", "St. Louis was cold."],
    ),
    (
        "Indonesian address and units",
        Lang::Id,
        "Kantornya di Jl. Sudirman No. 5, Kec. Menteng, Kab. Bogor. Ia datang pk. 10.30 WIB.",
        &[
            "Kantornya di Jl. Sudirman No. 5, Kec. Menteng, Kab. Bogor.",
            "Ia datang pk. 10.30 WIB.",
        ],
    ),
    (
        "Indonesian months and figures",
        Lang::Id,
        "Infeksi naik sebelum 23 Jan. 2020 (Gbr. 5). Jumlah ini baru.",
        &["Infeksi naik sebelum 23 Jan. 2020 (Gbr. 5).", "Jumlah ini baru."],
    ),
    (
        "English numbered abbreviations",
        Lang::En,
        "See No. 5 and Fig. 3 on Jan. 6 this year. No. That is wrong.",
        &["See No. 5 and Fig. 3 on Jan. 6 this year.", "No.", "That is wrong."],
    ),
    (
        "degrees and dotted abbreviations",
        Lang::Id,
        "Ditandatangani a.n. Budi, S.H., M.Si. Ia hadir. Yth. Bapak Ali.",
        &[
            "Ditandatangani a.n. Budi, S.H., M.Si.",
            "Ia hadir.",
            "Yth. Bapak Ali.",
        ],
    ),
    (
        "dotted acronyms",
        Lang::En,
        "The U.S. President spoke. He left the U.K. The talks ended.",
        &["The U.S. President spoke.", "He left the U.K.", "The talks ended."],
    ),
    (
        "abbreviations that may end a sentence",
        Lang::Id,
        "Ada apel, jeruk, dll. Semua segar. Laporan Ali dkk. Hasan membacanya. PT Telkom Tbk. Ini baru.",
        &[
            "Ada apel, jeruk, dll.",
            "Semua segar.",
            "Laporan Ali dkk. Hasan membacanya.",
            "PT Telkom Tbk.",
            "Ini baru.",
        ],
    ),
    (
        "abbreviations that may end a sentence",
        Lang::En,
        "They sold apples, pears, etc. Partial data was lost. See e.g. Jakarta, i.e. Java.",
        &[
            "They sold apples, pears, etc.",
            "Partial data was lost.",
            "See e.g. Jakarta, i.e. Java.",
        ],
    ),
    (
        "initials",
        Lang::Id,
        "Presiden AS George W. Bush menerima pengumuman. B. J. Habibie setuju.",
        &["Presiden AS George W. Bush menerima pengumuman.", "B. J. Habibie setuju."],
    ),
    (
        "initials",
        Lang::En,
        "Books by J. K. Rowling sold well. George W. Bush agreed.",
        &["Books by J. K. Rowling sold well.", "George W. Bush agreed."],
    ),
    // Numbers.
    (
        "numbers",
        Lang::Id,
        "Harganya Rp 7.800 atau 43,11 persen pada 22/5/2021. Pukul 10.30 WIB semua tiba.",
        &[
            "Harganya Rp 7.800 atau 43,11 persen pada 22/5/2021.",
            "Pukul 10.30 WIB semua tiba.",
        ],
    ),
    (
        "numbers",
        Lang::En,
        "Growth was 3.5 percent, or 7,800 jobs, in 2021. In 2022 it fell.",
        &["Growth was 3.5 percent, or 7,800 jobs, in 2021.", "In 2022 it fell."],
    ),
    // Quotations.
    (
        "a sentence ends inside a quotation",
        Lang::Id,
        "“Kami memiliki kekhawatiran di Kutub Utara. Ini meningkatkan bahaya,” kata Blinken.",
        &["“Kami memiliki kekhawatiran di Kutub Utara.", "Ini meningkatkan bahaya,” kata Blinken."],
    ),
    (
        "a sentence ends inside a quotation",
        Lang::En,
        "“We have concerns about the Arctic. It increases the dangers,” Blinken said.",
        &["“We have concerns about the Arctic.", "It increases the dangers,” Blinken said."],
    ),
    (
        "attribution after a closing quote",
        Lang::Id,
        "“Ada banyak ruang,” kata Lavrov. “Apa itu?” tanya dia. “Bagus.” kata Ali.",
        &["“Ada banyak ruang,” kata Lavrov.", "“Apa itu?” tanya dia.", "“Bagus.” kata Ali."],
    ),
    (
        "attribution after a closing quote",
        Lang::En,
        "\"It is late,\" Lavrov said. \"Why?\" he asked. \"Fine.\" She left.",
        &["\"It is late,\" Lavrov said.", "\"Why?\" he asked.", "\"Fine.\"", "She left."],
    ),
    (
        "period after a closing quote",
        Lang::Id,
        "Dia menyebutnya “konstruktif”. Lavrov setuju.",
        &["Dia menyebutnya “konstruktif”.", "Lavrov setuju."],
    ),
    (
        "period after a closing quote",
        Lang::En,
        "He called it “absolutely legal”. Lavrov agreed.",
        &["He called it “absolutely legal”.", "Lavrov agreed."],
    ),
    (
        "ellipsis inside a quotation",
        Lang::Id,
        "Blinken mengatakan “jika kita bekerja sama … Dunia dapat lebih aman.”",
        &["Blinken mengatakan “jika kita bekerja sama … Dunia dapat lebih aman.”"],
    ),
    (
        "ellipsis inside a quotation",
        Lang::En,
        "Blinken said “if we can work together ... The world can be safer.”",
        &["Blinken said “if we can work together ... The world can be safer.”"],
    ),
    (
        "ellipsis outside a quotation",
        Lang::Id,
        "Dia menunggu… Lalu pergi. Dia menunggu … dan menunggu.",
        &["Dia menunggu…", "Lalu pergi.", "Dia menunggu … dan menunggu."],
    ),
    (
        "ellipsis outside a quotation",
        Lang::En,
        "He waited... Then he left. He waited … and waited.",
        &["He waited...", "Then he left.", "He waited … and waited."],
    ),
    (
        "a period without the space after it (scraped text)",
        Lang::Id,
        "bantuan diterima di Afrika.Pada 2 April, Bank Dunia bertindak. Situs detik.com dan U.S.A tetap.",
        &[
            "bantuan diterima di Afrika.",
            "Pada 2 April, Bank Dunia bertindak.",
            "Situs detik.com dan U.S.A tetap.",
        ],
    ),
    (
        "a period without the space after it (scraped text)",
        Lang::En,
        "aid was well-received in Africa.On 2 April, the Bank acted. Node.js and Ph.D stay.",
        &["aid was well-received in Africa.", "On 2 April, the Bank acted.", "Node.js and Ph.D stay."],
    ),
    (
        "a unit letter is no initial",
        Lang::Id,
        "Jembatan itu selebar 3,50 m. Ruang di bawahnya 15 meter.",
        &["Jembatan itu selebar 3,50 m.", "Ruang di bawahnya 15 meter."],
    ),
    (
        "a unit letter is no initial",
        Lang::En,
        "The bridge is 3.50 m. Vertical clearance is 15 meters.",
        &["The bridge is 3.50 m.", "Vertical clearance is 15 meters."],
    ),
    // Stray punctuation joins the segment before it.
    (
        "stray punctuation",
        Lang::Id,
        "pemimpin Rusia. .\nDi awal pembicaraan. . Dia pergi.",
        &["pemimpin Rusia. .", "Di awal pembicaraan. .", "Dia pergi."],
    ),
    (
        "stray punctuation",
        Lang::En,
        "the Russian leader. .\nAt the start . ! He left.",
        &["the Russian leader. .", "At the start . !", "He left."],
    ),
    (
        "a lower-case word after a period is no boundary",
        Lang::Id,
        "Ia membeli 5 kg. gula dan kopi.",
        &["Ia membeli 5 kg. gula dan kopi."],
    ),
    (
        "a host name ends a sentence; dotted initials do not",
        Lang::Id,
        "menurut laporan News.com.au. Domain.com, sebuah situs, melaporkan.",
        &["menurut laporan News.com.au.", "Domain.com, sebuah situs, melaporkan."],
    ),
    (
        "a host name ends a sentence; dotted initials do not",
        Lang::En,
        "according to the News.com.au report. Data from the U.S. Army shows it.",
        &["according to the News.com.au report.", "Data from the U.S. Army shows it."],
    ),
    (
        "a lower-case word after a period is no boundary",
        Lang::En,
        "They paid approx. five dollars for it.",
        &["They paid approx. five dollars for it."],
    ),
];

#[test]
fn rules_table() {
    for &(rule, lang, input, expected) in CASES {
        let segments = Segmenter::new(lang).split(input);
        let got: Vec<&str> = segments.iter().map(|s| s.text(input)).collect();
        assert_eq!(got, expected, "rule {rule:?} ({lang}) on input {input:?}");
    }
}

#[test]
fn headings_are_marked() {
    let text = "Ketegangan Arktik\nBlinken menyerukan kerja sama.";
    let segments = Segmenter::new(Lang::Id).split(text);
    let headings: Vec<bool> = segments.iter().map(|s| s.heading).collect();
    assert_eq!(headings, [true, false], "input {text:?}");
}

#[test]
fn long_segments_are_cut_at_a_word_boundary() {
    let text = "kata ".repeat(100);
    let segments = Segmenter::new(Lang::Id).with_max_chars(42).split(&text);
    assert!(segments.len() > 1, "input of {} bytes", text.len());
    for segment in &segments {
        let piece = segment.text(&text);
        assert!(piece.chars().count() <= 42, "segment {piece:?}");
        assert!(
            piece.starts_with("kata") && piece.ends_with("kata"),
            "segment {piece:?}"
        );
    }
}

#[test]
fn presegmented_lines_skip_blank_lines() {
    let text = "Satu.\r\n\r\n  Dua  \n";
    let segments = lines(text);
    let got: Vec<&str> = segments.iter().map(|s| s.text(text)).collect();
    assert_eq!(got, ["Satu.", "Dua"], "input {text:?}");
    assert_eq!(segments[1].paragraph, 2);
}

fn text_strategy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Dr."),
        Just("dll."),
        Just("U.S."),
        Just("J."),
        Just(". ."),
        Just("…"),
        Just("“"),
        Just("”"),
        Just("\""),
        Just("?"),
        Just("!"),
        Just("\n"),
        Just("\r\n"),
        Just(" "),
        Just("\u{a0}"),
        Just("kata"),
        Just("Kata"),
        Just("7.800"),
        Just("."),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|pieces| pieces.join(" "))
}

proptest! {
    #[test]
    fn segments_rejoin_to_the_input(text in text_strategy(), max in 3usize..50) {
        for lang in [Lang::Id, Lang::En] {
            let segments = Segmenter::new(lang).with_max_chars(max).split(&text);
            let mut at = 0;
            for segment in &segments {
                prop_assert!(segment.span.start >= at, "overlap in {:?}", text);
                prop_assert!(!segment.span.is_empty());
                prop_assert!(text[at..segment.span.start].chars().all(is_space), "lost text in {:?}", text);
                at = segment.span.end;
            }
            prop_assert!(text[at..].chars().all(is_space), "lost tail in {:?}", text);
        }
    }

    #[test]
    fn segments_rejoin_for_arbitrary_text(text in "\\PC{0,200}") {
        let segments = Segmenter::new(Lang::Id).split(&text);
        let mut at = 0;
        for segment in &segments {
            prop_assert!(segment.span.start >= at);
            prop_assert!(text[at..segment.span.start].chars().all(is_space));
            at = segment.span.end;
        }
        prop_assert!(text[at..].chars().all(is_space));
    }
}
