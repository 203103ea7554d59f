//! Any scenario the validator accepts comes back from a link, and from a file, unchanged.

use archlab::model::validate;
use archlab::share::{decode, encode, fragment, from_fragment, from_json_file, to_json_file};
use proptest::prelude::*;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use crate::gen;

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// The generator is seeded, so a failure is reproduced by its printed seed alone.
    #[test]
    fn every_valid_scenario_round_trips(seed in any::<u64>(), max in 2usize..40) {
        let s = gen::scenario(&mut ChaCha8Rng::seed_from_u64(seed), max);
        prop_assert_eq!(validate(&s), vec![], "the generator made an invalid scenario");
        let link = encode(&s);
        prop_assert_eq!(decode(&link), Ok(s.clone()), "link {}", link);
        prop_assert_eq!(from_fragment(&fragment(&s)), Some(Ok(s.clone())));
        prop_assert_eq!(from_json_file(&to_json_file(&s)), Ok(s.clone()));
        // Encoding is a function of the scenario: the same scenario always gives the same link.
        prop_assert_eq!(encode(&decode(&link).unwrap()), link);
    }
}

#[test]
fn a_large_scenario_round_trips_within_the_limits() {
    let s = gen::scenario(&mut ChaCha8Rng::seed_from_u64(7), 200);
    assert_eq!(validate(&s), vec![]);
    assert_eq!(decode(&encode(&s)), Ok(s));
}

#[test]
fn every_form_of_a_pasted_link_decodes() {
    let s = gen::scenario(&mut ChaCha8Rng::seed_from_u64(3), 6);
    let link = encode(&s);
    for input in [
        link.clone(),
        format!("#s={link}"),
        format!("s={link}"),
        format!("https://lab.example/archlab/#s={link}"),
        format!("https://lab.example/?x=1#lesson=2&s={link}&view=3"),
        format!("  {link}\n"),
    ] {
        assert_eq!(decode(&input), Ok(s.clone()), "{input}");
    }
    assert_eq!(from_fragment("#lesson=2"), None, "a fragment without s= carries no scenario");
    assert_eq!(from_fragment(""), None);
}
