//! The generated form: a component per widget of [`crate::domain::form`],
//! dispatched by [`schema_field::SchemaField`].

pub mod entry_actions;
pub mod frame;
pub mod grid;
pub mod items;
pub mod leaf;
pub mod list;
pub mod list_parts;
pub mod map;
pub mod metric_chart;
pub mod object;
pub mod overview;
pub mod rows;
pub mod schema_field;
pub mod table;
pub mod variant;
