use super::*;

#[test]
fn reads_every_spreadsheet_flavour() {
    let cases = [
        ("comma", "source_term,target_term\nKTT,summit\n"),
        (
            "semicolon bom crlf",
            "\u{feff}source_term;target_term\r\nKTT;summit\r\n",
        ),
        ("tab", "id\ten\nKTT\tsummit\n"),
        (
            "quoted",
            "source_term,target_term,note\n\"KTT\",\"summit\",\"a, b\"\n",
        ),
    ];
    for (name, text) in cases {
        let table = read_table(text, "g.csv");
        let row = table.as_ref().ok().and_then(|t| t.rows.first());
        assert_eq!(
            row.map(|r| (r.source.as_str(), r.target.as_str(), r.line)),
            Some(("KTT", "summit", 2)),
            "case {name}: {table:?}"
        );
    }
}

#[test]
fn malformed_rows_name_their_line() {
    let cases = [
        (
            "KTT,summit\n",
            "g.csv:1: the header needs a source column and a target column \
             (source_term,target_term), found 2 column(s) separated by comma: \"KTT,summit\"; \
             add the header row or rename the columns",
        ),
        (
            "source_term,target_term\nKTT,summit\nsanksi\n",
            "g.csv:3: expected 2 columns (source_term,target_term), found 1: is a delimiter \
             missing, or is the file tab or semicolon separated?",
        ),
        (
            "source_term,target_term\n,summit\n",
            "g.csv:2: the source_term column is empty, fill it in or delete the row",
        ),
        (
            "source_term,target_term,status\nKTT,summit,ok\n",
            "g.csv:2: the status \"ok\" is not one padan knows; write proposed, approved, \
             rejected or added (or diusulkan, disetujui, ditolak, ditambahkan), or leave it \
             empty for a term you added",
        ),
    ];
    for (text, message) in cases {
        let err = read_table(text, "g.csv").map(|_| ()).unwrap_err();
        assert_eq!(err.to_string(), message, "input {text:?}");
    }
}

#[test]
fn extra_columns_are_kept() {
    let table = read_table(
        "source_term,target_term,status,reviewer\nKTT,summit,Approved,ana,x\n",
        "g",
    )
    .unwrap();
    let row = &table.rows[0];
    assert_eq!(row.status, Status::Approved);
    assert_eq!(table.cell(row, "reviewer"), Some("ana"));
    assert_eq!(table.header.last().map(String::as_str), Some("column_5"));
    assert_eq!(row.cells.last().map(String::as_str), Some("x"));
}

#[test]
fn an_unknown_status_is_never_agreed() {
    for status in ["reject", "ditolak", "Rejected"] {
        let table = read_table(
            &format!("source_term,target_term,status\nKTT,summit,{status}\n"),
            "g.csv",
        )
        .unwrap();
        assert!(!table.rows[0].is_agreed(), "{status}");
    }
    for status in ["no", "x", "aproved", "approved\u{200b}"] {
        let text = format!("source_term,target_term,status\nKTT,summit,{status}\n");
        assert!(read_table(&text, "g.csv").is_err(), "{status:?}");
    }
}
