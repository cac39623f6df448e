//! What the registry screen keeps while the reviewer is away editing a
//! card: where they were ([`RegistryPlace`]), the groups, the chosen
//! group's versions with their card statuses, and the chosen version's
//! details. The screen is rebuilt on every visit from this, so it comes
//! back as it was; every describe of a version (a card status read, the
//! details, the answer to a write) updates its row and details here.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;

use super::Load;
use crate::domain::registry::place::RegistryPlace;
use crate::domain::registry::rows::{CardCell, VersionRow};
use crate::domain::registry::search::merged_groups;
use crate::domain::sagemaker::{ModelPackage, ModelPackageGroupSummary, name_contains_filter};
use crate::view::api::Connection;
use crate::view::backend::{Backend, failure};

/// How long typing in the group search pauses before the service is
/// asked: one request per word typed, not per keystroke.
const SEARCH_PAUSE: Duration = Duration::from_millis(300);

/// How many card statuses are read at once: enough to fill a table of a
/// few dozen versions in a moment, few enough not to crowd out the
/// reviewer's own requests or trip the service's throttling.
const CARD_READS_AT_ONCE: usize = 4;

/// A version in the table: its row, a signal of its own, so an answer
/// arriving for one row redraws that row alone.
#[derive(Clone, Debug, PartialEq)]
pub struct VersionEntry {
    /// The version's ARN.
    pub arn: String,
    /// Its row.
    pub row: ArcRwSignal<VersionRow>,
}

/// One listing of a group's versions.
#[derive(Clone, Debug, PartialEq)]
pub struct Listing {
    /// The group.
    pub group: String,
    /// Which listing this is: a newer one stops the card reads of an
    /// older one, and its rows are new.
    pub id: u64,
    /// The versions.
    pub load: Load<Vec<VersionEntry>>,
}

/// The service's answer to a group search.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupSearch {
    /// What was searched for, as typed.
    pub query: String,
    /// The groups found.
    pub load: Load<Vec<ModelPackageGroupSummary>>,
}

/// The chosen version, described.
#[derive(Clone, Debug, PartialEq)]
pub struct Described {
    /// The version's ARN.
    pub arn: String,
    /// Its description.
    pub load: Load<ModelPackage>,
}

/// The registry screen's state (a handle; copies share it).
#[derive(Clone, Copy)]
pub struct RegistryState {
    place: RwSignal<RegistryPlace>,
    groups: RwSignal<Load<Vec<ModelPackageGroupSummary>>>,
    group_search: RwSignal<Option<GroupSearch>>,
    versions: RwSignal<Option<Listing>>,
    details: RwSignal<Option<Described>>,
    focus_requested: RwSignal<bool>,
    listings: StoredValue<u64>,
}

impl RegistryState {
    /// Nothing loaded, nothing chosen.
    pub fn new() -> Self {
        Self {
            place: RwSignal::new(RegistryPlace::default()),
            groups: RwSignal::new(Load::Idle),
            group_search: RwSignal::new(None),
            versions: RwSignal::new(None),
            details: RwSignal::new(None),
            focus_requested: RwSignal::new(false),
            listings: StoredValue::new(0),
        }
    }

    /// Where the reviewer is.
    pub fn place(&self) -> ReadSignal<RegistryPlace> {
        self.place.read_only()
    }

    /// Changes the place in ways that load nothing (the versions search,
    /// the approval filter, the sort).
    pub fn update_place(&self, change: impl FnOnce(&mut RegistryPlace)) {
        self.place.update(change);
    }

    /// The groups listed when the screen first showed, with those group
    /// searches found since.
    pub fn groups(&self) -> ReadSignal<Load<Vec<ModelPackageGroupSummary>>> {
        self.groups.read_only()
    }

    /// The service's answer to the latest group search (loading from the
    /// keystroke on).
    pub fn group_search(&self) -> ReadSignal<Option<GroupSearch>> {
        self.group_search.read_only()
    }

    /// The chosen group's versions.
    pub fn versions(&self) -> ReadSignal<Option<Listing>> {
        self.versions.read_only()
    }

    /// The chosen version, described.
    pub fn details(&self) -> ReadSignal<Option<Described>> {
        self.details.read_only()
    }

    /// The screen is showing: loads what it lacks (or failed to load), and
    /// asks for focus on the chosen version's row.
    pub fn show(self, backend: Backend) {
        if self
            .groups
            .with_untracked(|groups| matches!(groups, Load::Idle | Load::Failed(_)))
        {
            self.load_groups(backend);
        }
        self.load_place(backend);
        self.focus_requested
            .set(self.place.with_untracked(|place| place.version.is_some()));
    }

    /// Loads the chosen group's versions and the chosen version's details
    /// unless they are here already.
    fn load_place(self, backend: Backend) {
        let (group, version) = self
            .place
            .with_untracked(|place| (place.group.clone(), place.version.clone()));
        if let Some(group) = group {
            let listed = self.versions.with_untracked(|listing| {
                listing.as_ref().is_some_and(|listing| {
                    listing.group == group && !matches!(listing.load, Load::Failed(_))
                })
            });
            if !listed {
                self.load_versions(backend, group);
            }
        }
        if let Some(arn) = version {
            let described = self.details.with_untracked(|details| {
                details.as_ref().is_some_and(|details| {
                    details.arn == arn && !matches!(details.load, Load::Failed(_))
                })
            });
            if !described {
                self.load_details(backend, arn);
            }
        }
    }

    /// Whether focus is to go to the chosen version once the table shows;
    /// asking answers it.
    pub fn take_focus_request(&self) -> bool {
        let requested = self.focus_requested.get_untracked();
        if requested {
            self.focus_requested.set(false);
        }
        requested
    }

    /// Lists every group (the configured ones only); the first is chosen
    /// when none is.
    pub fn load_groups(self, backend: Backend) {
        let Some(connection) = backend.connection() else {
            return;
        };
        self.groups.set(Load::Loading);
        leptos::task::spawn_local(async move {
            match connection.groups(None).await {
                Ok(found) => {
                    self.place.update(|place| place.with_first_group(&found));
                    self.groups.set(Load::Loaded(found));
                    self.load_place(backend);
                }
                Err(error) => self.groups.set(Load::Failed(failure(
                    "Listing the model package groups",
                    &error,
                ))),
            }
        });
    }

    /// The reviewer typed `query` into the group search: once typing
    /// pauses, the service is asked for the groups whose name contains it
    /// (when it is a name the service accepts), and groups made since the
    /// list was fetched join it. Meanwhile the search is under way; a
    /// failure is kept for the query it answers.
    pub fn search_groups(self, backend: Backend, query: String) {
        self.place.update(|place| place.group_query = query.clone());
        let Some(name) = name_contains_filter(&query) else {
            self.group_search.set(None);
            return;
        };
        self.group_search.set(Some(GroupSearch {
            query: query.clone(),
            load: Load::Loading,
        }));
        set_timeout(
            move || {
                if self
                    .place
                    .with_untracked(|place| place.group_query == query)
                {
                    self.ask_for_groups(backend, query, name);
                }
            },
            SEARCH_PAUSE,
        );
    }

    /// Asks the service for the groups whose name contains `name`, for
    /// what was typed as `query`.
    fn ask_for_groups(self, backend: Backend, query: String, name: String) {
        let Some(connection) = backend.connection() else {
            return;
        };
        leptos::task::spawn_local(async move {
            let load = match connection.groups(Some(&name)).await {
                Ok(found) => {
                    self.groups.update(|groups| {
                        if let Load::Loaded(listed) = groups {
                            *listed = merged_groups(listed, &found, "");
                        }
                    });
                    Load::Loaded(found)
                }
                Err(error) => Load::Failed(format!(
                    "Searching the registry failed. {} The groups listed earlier are shown.",
                    error.explain()
                )),
            };
            if self
                .place
                .with_untracked(|place| place.group_query == query)
            {
                self.group_search.set(Some(GroupSearch { query, load }));
            }
        });
    }

    /// Chooses a group and lists its versions (unless listed already).
    pub fn choose_group(self, backend: Backend, name: &str) {
        self.place.update(|place| place.choose_group(name));
        self.load_place(backend);
    }

    /// Chooses a version and describes it.
    pub fn choose_version(self, backend: Backend, arn: &str) {
        let shown = self.details.with_untracked(|details| {
            details.as_ref().is_some_and(|details| {
                details.arn == arn && matches!(details.load, Load::Loaded(_))
            })
        });
        self.place.update(|place| place.choose_version(arn));
        self.load_place(backend);
        // Chosen again, it is read afresh: the registry may hold another
        // card or approval by now, and "Edit the card" opens what it holds.
        if shown {
            self.load_details(backend, arn.to_owned());
        }
    }

    /// Lists the group's versions again and describes the chosen version
    /// again: what others changed meanwhile shows.
    pub fn refresh(self, backend: Backend) {
        let (group, version) = self
            .place
            .with_untracked(|place| (place.group.clone(), place.version.clone()));
        if let Some(group) = group {
            self.load_versions(backend, group);
        }
        if let Some(arn) = version {
            self.load_details(backend, arn);
        }
    }

    /// Lists `group`'s versions (every page), then reads their card
    /// statuses a few at a time, each row filled as its answer arrives.
    pub fn load_versions(self, backend: Backend, group: String) {
        let Some(connection) = backend.connection() else {
            return;
        };
        let id = self.listings.get_value() + 1;
        self.listings.set_value(id);
        self.versions.set(Some(Listing {
            group: group.clone(),
            id,
            load: Load::Loading,
        }));
        leptos::task::spawn_local(async move {
            let load = match connection.versions(&group).await {
                Ok(found) => Load::Loaded(
                    found
                        .into_iter()
                        .map(|summary| VersionEntry {
                            arn: summary.model_package_arn.clone(),
                            row: ArcRwSignal::new(VersionRow::listed(summary)),
                        })
                        .collect::<Vec<_>>(),
                ),
                Err(error) => Load::Failed(failure("Listing the versions", &error)),
            };
            if !self.is_current(id) {
                return;
            }
            if let Load::Loaded(entries) = &load {
                self.read_cards(&connection, id, entries.clone());
            }
            self.versions.set(Some(Listing { group, id, load }));
        });
    }

    /// Whether listing `id` is still the one shown.
    fn is_current(&self, id: u64) -> bool {
        self.listings.get_value() == id
    }

    /// Reads the card statuses of `entries`, [`CARD_READS_AT_ONCE`] at a
    /// time, until they are read or another listing replaces this one.
    fn read_cards(self, connection: &Connection, id: u64, entries: Vec<VersionEntry>) {
        let queue = Rc::new(RefCell::new(VecDeque::from(entries)));
        for _ in 0..CARD_READS_AT_ONCE {
            let (queue, connection) = (Rc::clone(&queue), connection.clone());
            leptos::task::spawn_local(async move {
                while self.is_current(id) {
                    let Some(entry) = queue.borrow_mut().pop_front() else {
                        break;
                    };
                    read_card(&connection, &entry).await;
                }
            });
        }
    }

    /// Reads one row's card status again (after it failed).
    pub fn read_card_again(self, backend: Backend, entry: VersionEntry) {
        let Some(connection) = backend.connection() else {
            return;
        };
        entry.row.update(|row| row.card = CardCell::Reading);
        leptos::task::spawn_local(async move { read_card(&connection, &entry).await });
    }

    /// Describes the version `arn` for its details.
    pub fn load_details(self, backend: Backend, arn: String) {
        let Some(connection) = backend.connection() else {
            return;
        };
        self.details.set(Some(Described {
            arn: arn.clone(),
            load: Load::Loading,
        }));
        leptos::task::spawn_local(async move {
            match connection.describe(&arn).await {
                Ok(package) => self.described(&package),
                Err(error) => self.details.update(|details| {
                    if let Some(details) = details.as_mut().filter(|details| details.arn == arn) {
                        details.load = Load::Failed(failure("Reading the version", &error));
                    }
                }),
            }
        });
    }

    /// The server described `package` (read or just written): its row and,
    /// when it is the chosen version, its details show it.
    pub fn described(&self, package: &ModelPackage) {
        let arn = &package.model_package_arn;
        self.versions.with_untracked(|listing| {
            if let Some(Listing {
                load: Load::Loaded(entries),
                ..
            }) = listing
            {
                for entry in entries.iter().filter(|entry| &entry.arn == arn) {
                    entry.row.update(|row| *row = row.refreshed(package));
                }
            }
        });
        self.details.update(|details| {
            if let Some(details) = details.as_mut().filter(|details| &details.arn == arn) {
                details.load = Load::Loaded(package.clone());
            }
        });
    }

    /// A version's card was opened in the editor: the way back leads to it.
    pub fn opened(&self, package: &ModelPackage) {
        self.place.update(|place| place.opened(package));
    }
}

impl Default for RegistryState {
    fn default() -> Self {
        Self::new()
    }
}

/// Describes `entry`'s version and fills its row, or says why not.
async fn read_card(connection: &Connection, entry: &VersionEntry) {
    match connection.describe(&entry.arn).await {
        Ok(package) => entry.row.update(|row| *row = row.refreshed(&package)),
        Err(error) => entry.row.update(|row| row.card = CardCell::failed(&error)),
    }
}
