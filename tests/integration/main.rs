//! Integration tests of the `dlis` tool and the core library, written as trainers' sessions.

mod answers;
mod browser;
mod durability;
mod exports;
mod faults;
mod hostile;
mod install;
mod lms;
mod lms_cmi5;
mod lms_player;
mod lrs;
mod notes;
mod pack;
mod pins;
mod portable;
mod progress;
mod ralph;
mod report;
mod samples;
mod schema;
mod search;
mod signing;
mod support;
mod sync;
mod translate;
mod tree;
