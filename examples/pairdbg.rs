use crosscheck::align::score::{Features, explain};
use std::path::PathBuf;
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rules = crosscheck::rules::Rules::embedded().unwrap();
    let docs = crosscheck::load_documents(&[PathBuf::from(&args[0])], None, &rules).unwrap();
    let facts = crosscheck::extract_all(&docs, &rules);
    let feats = Features::build(&facts);
    // pairs of "SRC:TEXT" args
    let find = |spec: &str| {
        let (src, text) = spec.split_once(':').unwrap();
        facts
            .iter()
            .position(|f| f.source == src && f.text == text)
            .unwrap_or_else(|| panic!("no {spec}"))
    };
    let ids: Vec<usize> = args[1..].iter().map(|s| find(s)).collect();
    for i in 0..ids.len() {
        for j in i + 1..ids.len() {
            let (a, b) = (ids[i], ids[j]);
            match (&feats.of[a], &feats.of[b]) {
                (Some(fa), Some(fb)) => {
                    let (s, m) = explain(fa, fb, &facts[a], &facts[b]);
                    println!(
                        "{} ~ {}: {s:.3} {:?}",
                        args[1 + i],
                        args[1 + j],
                        m.iter().map(|x| x.describe(&feats)).collect::<Vec<_>>()
                    );
                }
                _ => println!("no features"),
            }
        }
    }
}
