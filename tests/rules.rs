//! Every inline example of every embedded rule file holds.

use crosscheck::rules::Rules;

#[test]
fn embedded_rule_examples_pass() {
    let rules = Rules::embedded().expect("embedded rules load");
    let failures = rules.check();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
