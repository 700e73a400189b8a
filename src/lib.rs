//! rasid (راصد, "the observer"): finds people, organizations, military bases
//! and places in Arabic news, with exact offsets and canonical identities.
//!
//! ```
//! use rasid::{Gazetteer, Matcher};
//! let gaz = Gazetteer::builder()
//!     .bundled(false)
//!     .text("example.tsv", "id\ttype\tcanonical\taliases\nloc.iraq\tLOC\tالعراق\t\n")
//!     .build()
//!     .unwrap();
//! let matcher = Matcher::new(&gaz).unwrap();
//! let text = "وصل إلى بالعراق وزار الجامعة العراقية";
//! let found = matcher.find(text);
//! assert_eq!(found.len(), 1);
//! assert_eq!(found[0].text(text), "العراق");
//! ```

pub mod analysis;
pub mod discover;
pub mod error;
pub mod gazetteer;
pub mod matcher;
pub mod normalize;
pub mod offsets;

pub use error::{Error, ErrorKind, Errors, Location};
pub use gazetteer::{Entity, EntityType, Gazetteer};
pub use matcher::{Matcher, Mention};
pub mod input;
pub mod output;
pub mod pipeline;
pub mod relation;
pub mod sentence;
