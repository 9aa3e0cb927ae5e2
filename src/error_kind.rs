//! The errors a learner or a trainer can act on, named once for every interface.
//!
//! Each error type of the core says which of these it is (`kind()`), and an interface says
//! each in its own words: the app's page has a message `error-<kind>` per language
//! (`ui/i18n/*.ftl`), and a test checks that every kind listed here has one. The name is also
//! what the store keeps with the last sync error, so it never changes once released.

use serde::Serialize;

macro_rules! kinds {
    ($($variant:ident => $name:literal,)*) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
        pub enum ErrorKind {
            $(#[serde(rename = $name)] $variant,)*
        }

        impl ErrorKind {
            /// Every kind, for checks that each is said in every language.
            pub const ALL: &[ErrorKind] = &[$(ErrorKind::$variant,)*];

            /// The stable name: `wrong-pin`, `unreachable`, ...
            pub fn as_str(self) -> &'static str {
                match self {
                    $(ErrorKind::$variant => $name,)*
                }
            }
        }
    };
}

kinds! {
    WrongPin => "wrong-pin",
    PinLocked => "pin-locked",
    BadPin => "bad-pin",
    EmptyName => "empty-name",
    NameTooLong => "name-too-long",
    NameControl => "name-control",
    Language => "language",
    NoAttempts => "no-attempts",
    NoInstitution => "no-institution",
    Credentials => "credentials",
    Unreachable => "unreachable",
    PasswordNeeded => "password-needed",
    Older => "older",
    SameVersionDiffers => "same-version-differs",
    SignerChanged => "signer-changed",
    NotInstalled => "not-installed",
    TrainerOnly => "trainer-only",
    Identifier => "identifier",
}

impl std::fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
