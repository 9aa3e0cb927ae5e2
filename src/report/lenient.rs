//! The general statement reader: any JSON, every field read leniently.
//!
//! A field of the wrong type counts as absent instead of failing the whole line, so that every
//! statement that cannot be attributed gets a precise reason. Only the fields the report uses
//! are decoded, borrowing from the line when they hold no escapes; the rest is skipped.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::statement::{Account, Actor, LinkSignature, Names, Object, Outcome, Scalar, Statement, Verb};

/// The members of a language map given as raw JSON (`definition.name`), in order; none when it
/// is not an object.
pub(super) fn names(raw: &str) -> Vec<(Cow<'_, str>, Scalar<'_>)> {
    serde_json::from_str::<Lenient<NameMap<'_>>>(raw).ok().and_then(|n| n.0).map(|n| n.0).unwrap_or_default()
}

/// The statement of a line: `Err` if the line is not JSON, `Ok(None)` if it is not an object.
pub(super) fn read(line: &str) -> Result<Option<Statement<'_>>, ()> {
    serde_json::from_str::<Lenient<Statement<'_>>>(line).map(|s| s.0).map_err(|_| ())
}

impl<'de> Deserialize<'de> for Scalar<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ScalarVisitor;
        impl<'de> Visitor<'de> for ScalarVisitor {
            type Value = Scalar<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(Scalar::Text(Cow::Borrowed(v)))
            }
            fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Scalar::Text(Cow::Owned(v.to_owned())))
            }
            fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
                Ok(Scalar::Text(Cow::Owned(v)))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Self::Value, E> {
                Ok(Scalar::Number(v as f64))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Self::Value, E> {
                Ok(Scalar::Number(v as f64))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Self::Value, E> {
                Ok(Scalar::Number(v))
            }
            fn visit_bool<E>(self, v: bool) -> Result<Self::Value, E> {
                Ok(Scalar::Bool(v))
            }
            fn visit_unit<E>(self) -> Result<Self::Value, E> {
                Ok(Scalar::Null)
            }
            fn visit_none<E>(self) -> Result<Self::Value, E> {
                Ok(Scalar::Null)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Scalar::Other)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(Scalar::Other)
            }
        }
        deserializer.deserialize_any(ScalarVisitor)
    }
}

/// An object decoded field by field, knowing only the fields it needs.
trait Fields<'de>: Default {
    /// Decodes the value of `key` from `map` and returns true, or returns false to skip it.
    fn field<A: MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<bool, A::Error>;
}

/// `Some` object, or `None` when the JSON value is not an object (a wrong type is not an error).
struct Lenient<T>(Option<T>);

fn object<'de, T: Fields<'de>, A: MapAccess<'de>>(map: &mut A) -> Result<Option<T>, A::Error> {
    Ok(map.next_value::<Lenient<T>>()?.0)
}

impl<'de, T: Fields<'de>> Deserialize<'de> for Lenient<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct LenientVisitor<T>(PhantomData<T>);
        impl<'de, T: Fields<'de>> Visitor<'de> for LenientVisitor<T> {
            type Value = Lenient<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut value = T::default();
                while let Some(key) = map.next_key::<Scalar<'de>>()? {
                    let known = match key.text() {
                        Some(key) => value.field(key, &mut map)?,
                        None => false,
                    };
                    if !known {
                        map.next_value::<IgnoredAny>()?;
                    }
                }
                Ok(Lenient(Some(value)))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Lenient(None))
            }
            fn visit_borrowed_str<E>(self, _: &'de str) -> Result<Self::Value, E> {
                Ok(Lenient(None))
            }
            fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
                Ok(Lenient(None))
            }
            fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
                Ok(Lenient(None))
            }
            fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
                Ok(Lenient(None))
            }
            fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
                Ok(Lenient(None))
            }
            fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
                Ok(Lenient(None))
            }
            fn visit_unit<E>(self) -> Result<Self::Value, E> {
                Ok(Lenient(None))
            }
        }
        deserializer.deserialize_any(LenientVisitor(PhantomData))
    }
}

impl<'de> Fields<'de> for Statement<'de> {
    fn field<A: MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<bool, A::Error> {
        match key {
            "id" => self.id = map.next_value()?,
            "actor" => self.actor = object(map)?,
            "verb" => self.verb = object(map)?,
            "object" => self.object = object(map)?,
            "result" => self.result = object(map)?,
            "context" => {
                let context: Option<Context<'de>> = object(map)?;
                (self.parent, self.link_signature) =
                    context.map(|c| (c.parent, c.signature)).unwrap_or_default();
            }
            "timestamp" => self.timestamp = map.next_value()?,
            _ => return Ok(false),
        }
        Ok(true)
    }
}

impl<'de> Fields<'de> for Actor<'de> {
    fn field<A: MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<bool, A::Error> {
        match key {
            "objectType" => self.object_type = map.next_value()?,
            "account" => self.account = object(map)?,
            _ => return Ok(false),
        }
        Ok(true)
    }
}

impl<'de> Fields<'de> for Account<'de> {
    fn field<A: MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<bool, A::Error> {
        match key {
            "name" => self.name = map.next_value()?,
            "homePage" => self.home_page = map.next_value()?,
            _ => return Ok(false),
        }
        Ok(true)
    }
}

impl<'de> Fields<'de> for Verb<'de> {
    fn field<A: MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<bool, A::Error> {
        match key {
            "id" => self.id = map.next_value()?,
            _ => return Ok(false),
        }
        Ok(true)
    }
}

impl<'de> Fields<'de> for Object<'de> {
    fn field<A: MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<bool, A::Error> {
        match key {
            "objectType" => self.object_type = map.next_value()?,
            "id" => self.id = map.next_value()?,
            "definition" => {
                let definition: Option<Definition<'de>> = object(map)?;
                (self.kind, self.name) = definition.map(|d| (d.kind, d.name)).unwrap_or_default();
            }
            _ => return Ok(false),
        }
        Ok(true)
    }
}

/// `object.definition`, of which the type and the name are read.
#[derive(Default)]
struct Definition<'a> {
    kind: Scalar<'a>,
    name: Names<'a>,
}

impl<'de> Fields<'de> for Definition<'de> {
    fn field<A: MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<bool, A::Error> {
        match key {
            "type" => self.kind = map.next_value()?,
            // Kept raw, as the compact reader keeps it: decoded only for a module's title.
            "name" => self.name = Names::Raw(map.next_value::<&'de serde_json::value::RawValue>()?.get()),
            _ => return Ok(false),
        }
        Ok(true)
    }
}

/// A language map: every member, in order.
#[derive(Default)]
struct NameMap<'a>(Vec<(Cow<'a, str>, Scalar<'a>)>);

impl<'de> Fields<'de> for NameMap<'de> {
    fn field<A: MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<bool, A::Error> {
        self.0.push((Cow::Owned(key.to_owned()), map.next_value()?));
        Ok(true)
    }
}

/// `context.extensions`, of which only a link statement's signature is read.
#[derive(Default)]
struct Extensions<'a>(Option<LinkSignature<'a>>);

impl<'de> Fields<'de> for Extensions<'de> {
    fn field<A: MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<bool, A::Error> {
        match key {
            crate::account::SIGNATURE_EXTENSION => self.0 = object(map)?,
            _ => return Ok(false),
        }
        Ok(true)
    }
}

impl<'de> Fields<'de> for LinkSignature<'de> {
    fn field<A: MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<bool, A::Error> {
        match key {
            "pseudonym" => self.pseudonym = object(map)?,
            "public_key" => self.public_key = map.next_value()?,
            "signature" => self.signature = map.next_value()?,
            _ => return Ok(false),
        }
        Ok(true)
    }
}

impl<'de> Fields<'de> for Outcome<'de> {
    fn field<A: MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<bool, A::Error> {
        match key {
            "duration" => self.duration = map.next_value()?,
            "success" => self.success = map.next_value()?,
            "response" => self.response = map.next_value()?,
            "score" => {
                let score: Option<Score<'de>> = object(map)?;
                self.scaled = score.map(|s| s.scaled);
            }
            "extensions" => {
                let extensions: serde_json::Value = map.next_value()?;
                self.survey_profile = extensions
                    .get(crate::xapi::SURVEY_PROFILE_EXTENSION)
                    .and_then(super::statement::canonical_profile);
            }
            _ => return Ok(false),
        }
        Ok(true)
    }
}

/// `result.score`, of which only the scaled score is read.
#[derive(Default)]
struct Score<'a> {
    scaled: Scalar<'a>,
}

impl<'de> Fields<'de> for Score<'de> {
    fn field<A: MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<bool, A::Error> {
        match key {
            "scaled" => self.scaled = map.next_value()?,
            _ => return Ok(false),
        }
        Ok(true)
    }
}

/// `context`, of which the id of the (first) parent activity and a link's signature are read.
#[derive(Default)]
struct Context<'a> {
    parent: Option<Scalar<'a>>,
    signature: Option<LinkSignature<'a>>,
}

impl<'de> Fields<'de> for Context<'de> {
    fn field<A: MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<bool, A::Error> {
        match key {
            "contextActivities" => {
                let activities: Option<ContextActivities<'de>> = object(map)?;
                self.parent = activities.and_then(|a| a.parent.0);
            }
            "extensions" => self.signature = object::<Extensions<'de>, A>(map)?.and_then(|e| e.0),
            _ => return Ok(false),
        }
        Ok(true)
    }
}

#[derive(Default)]
struct ContextActivities<'a> {
    parent: Parent<'a>,
}

impl<'de> Fields<'de> for ContextActivities<'de> {
    fn field<A: MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<bool, A::Error> {
        match key {
            "parent" => self.parent = map.next_value()?,
            _ => return Ok(false),
        }
        Ok(true)
    }
}

/// An activity reference, of which only the id is read.
#[derive(Default)]
struct ActivityRef<'a> {
    id: Scalar<'a>,
}

impl<'de> Fields<'de> for ActivityRef<'de> {
    fn field<A: MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<bool, A::Error> {
        match key {
            "id" => self.id = map.next_value()?,
            _ => return Ok(false),
        }
        Ok(true)
    }
}

/// The id of the first parent activity: xAPI allows a single activity where an array is
/// expected, so both are read.
#[derive(Default)]
struct Parent<'a>(Option<Scalar<'a>>);

impl<'de> Deserialize<'de> for Parent<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ParentVisitor;
        impl<'de> Visitor<'de> for ParentVisitor {
            type Value = Parent<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let first = seq.next_element::<Lenient<ActivityRef<'de>>>()?.and_then(|a| a.0);
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Parent(first.map(|a| a.id)))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                let single = Lenient::<ActivityRef<'de>>::deserialize(
                    serde::de::value::MapAccessDeserializer::new(map),
                )?;
                Ok(Parent(single.0.map(|a| a.id)))
            }
            fn visit_borrowed_str<E>(self, _: &'de str) -> Result<Self::Value, E> {
                Ok(Parent(None))
            }
            fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
                Ok(Parent(None))
            }
            fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
                Ok(Parent(None))
            }
            fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
                Ok(Parent(None))
            }
            fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
                Ok(Parent(None))
            }
            fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
                Ok(Parent(None))
            }
            fn visit_unit<E>(self) -> Result<Self::Value, E> {
                Ok(Parent(None))
            }
        }
        deserializer.deserialize_any(ParentVisitor)
    }
}
