//! Normalise: the pieces that turn words into canonical values — numbers,
//! hedges, time, subjects, modality, names, and the lexicon alignment reads.

pub mod currency;
pub mod hedges;
pub mod lexicon;
pub mod modality;
pub mod names;
pub mod numbers;
pub mod quotes;
pub mod subjects;
pub mod time;
pub mod units;
