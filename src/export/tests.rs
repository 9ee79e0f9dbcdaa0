use super::*;
use crate::document::{Bead, Side};
use crate::segment;

fn render(format: &dyn AlignmentFormat, pair: &AlignedPair) -> String {
    let mut out = Vec::new();
    format.write(pair, &mut out).unwrap_or_default();
    String::from_utf8(out).unwrap_or_default()
}

#[test]
fn every_plain_format_writes_the_same_pair() {
    let source_text = "Satu.\n-5 persen\tnaik.\n";
    let target_text = "One.\n-5 percent up.\nExtra.\n";
    let (s, t) = (segment::lines(source_text), segment::lines(target_text));
    let beads = [
        Bead {
            source: 0..1,
            target: 0..1,
            confidence: 0.9994,
        },
        Bead {
            source: 1..2,
            target: 1..3,
            confidence: 0.5,
        },
    ];
    let pair = AlignedPair {
        source: Side {
            name: "id.txt",
            text: source_text,
            segments: &s,
            offset: 3,
            fingerprint: "",
        },
        target: Side {
            name: "en.txt",
            text: target_text,
            segments: &t,
            offset: 0,
            fingerprint: "",
        },
        beads: &beads,
    };
    assert_eq!(
        render(&Tsv, &pair),
        "bead\tsource_ids\ttarget_ids\tconfidence\tsource\ttarget\n\
         1\t1\t1\t0.999\tSatu.\tOne.\n\
         2\t2\t2,3\t0.500\t-5 persen naik.\t-5 percent up. Extra.\n"
    );
    assert_eq!(
        render(&Csv { excel: false }, &pair),
        "bead,source_ids,target_ids,confidence,source,target,status\n\
         1,1,1,0.9994,Satu.,One.,\n\
         2,2,\"2,3\",0.5000,'-5 persen\tnaik.,'-5 percent up. Extra.,\n"
    );
    assert_eq!(
        render(&Csv { excel: true }, &pair),
        "\u{feff}bead,source_ids,target_ids,confidence,source,target,status\r\n\
         1,1,1,0.9994,Satu.,One.,\r\n\
         2,2,\"2,3\",0.5000,'-5 persen\tnaik.,'-5 percent up. Extra.,\r\n"
    );
    assert_eq!(render(&Beads, &pair), "[0]:[0]\n[1]:[1, 2]\n");
    assert_eq!(
        render(&Jsonl, &pair),
        concat!(
            r#"{"bead":1,"source":[0],"target":[0],"confidence":0.999,"source_text":"Satu.","target_text":"One.","source_spans":[[3,8]],"target_spans":[[0,4]]}"#,
            "\n",
            r#"{"bead":2,"source":[1],"target":[1,2],"confidence":0.5,"source_text":"-5 persen\tnaik.","target_text":"-5 percent up. Extra.","source_spans":[[9,24]],"target_spans":[[5,19],[20,26]]}"#,
            "\n"
        )
    );
}
