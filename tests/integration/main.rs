//! Integration tests of the `dlis` tool and the core library, written as trainers' sessions.

mod durability;
mod hostile;
mod install;
mod lrs;
mod pack;
mod progress;
mod samples;
mod schema;
mod signing;
mod support;
