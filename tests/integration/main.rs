//! Integration tests of the `dlis` tool and the core library, written as trainers' sessions.

mod hostile;
mod install;
mod pack;
mod samples;
mod schema;
mod signing;
mod support;
