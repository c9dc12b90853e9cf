//! The files a user chose to keep ("Gem på denne computer"): their analyses, in this
//! browser's IndexedDB on this computer, read back on the next visit (offline too); "Glem
//! alt" deletes the database. Nothing is written without that choice: a flag in
//! localStorage, set only by "Gem", says whether there is anything to read, so a visit
//! that never saved never even opens the database.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbRequest, IdbTransactionMode};

use super::state::Doc;

const DB: &str = "referat-analyzer";
const STORE: &str = "filer";
const KEY: &str = "alle";
const FLAG: &str = "referat-analyzer-gemt";

/// The request's result once it succeeds.
async fn done(req: &IdbRequest) -> Result<JsValue, JsValue> {
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        req.set_onsuccess(Some(&resolve));
        req.set_onerror(Some(&reject));
    });
    JsFuture::from(promise).await?;
    req.result()
}

async fn open() -> Result<IdbDatabase, JsValue> {
    let factory = web_sys::window().ok_or(JsValue::NULL)?.indexed_db()?.ok_or(JsValue::NULL)?;
    let req = factory.open_with_u32(DB, 1)?;
    let upgrade = Closure::once_into_js(move |e: web_sys::Event| {
        let db = e.target().and_then(|t| t.dyn_into::<IdbRequest>().ok()).and_then(|r| r.result().ok());
        if let Some(db) = db.and_then(|d| d.dyn_into::<IdbDatabase>().ok()) {
            let _ = db.create_object_store(STORE);
        }
    });
    req.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    done(&req).await?.dyn_into()
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

fn set(o: &js_sys::Object, key: &str, value: &str) {
    let _ = js_sys::Reflect::set(o, &key.into(), &value.into());
}

/// Keeps the files (replacing what was kept): each its referat/1 JSON, or why it failed.
pub async fn save(docs: &[Doc]) -> Result<(), JsValue> {
    let records = js_sys::Array::new();
    for doc in docs {
        let o = js_sys::Object::new();
        set(&o, "file", &doc.file);
        match &doc.outcome {
            Ok(a) => set(&o, "json", &crate::export::json(std::slice::from_ref(&**a))),
            Err(message) => set(&o, "error", message),
        }
        records.push(&o);
    }
    let db = open().await?;
    let tx = db.transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)?;
    done(&tx.object_store(STORE)?.put_with_key(&records, &KEY.into())?).await?;
    db.close();
    if let Some(s) = storage() {
        s.set_item(FLAG, "1")?;
    }
    Ok(())
}

/// The files kept on an earlier visit; none when nothing was kept.
pub async fn load() -> Vec<Doc> {
    if storage().and_then(|s| s.get_item(FLAG).ok().flatten()).is_none_or(|f| f != "1") {
        return Vec::new();
    }
    let read = async {
        let db = open().await?;
        let value = done(&db.transaction_with_str(STORE)?.object_store(STORE)?.get(&KEY.into())?).await?;
        db.close();
        Ok::<JsValue, JsValue>(value)
    };
    let Ok(records) = read.await else { return Vec::new() };
    let get = |o: &JsValue, key: &str| js_sys::Reflect::get(o, &key.into()).ok().and_then(|v| v.as_string());
    js_sys::Array::from(&records)
        .iter()
        .filter_map(|o| {
            let file = get(&o, "file")?;
            let outcome = match get(&o, "json") {
                Some(json) => {
                    super::decode::analysis(&json).map(std::rc::Rc::new).ok_or_else(|| "Den gemte analyse kunne ikke læses.".to_owned())
                }
                None => Err(get(&o, "error").unwrap_or_default()),
            };
            Some(Doc { file, outcome })
        })
        .collect()
}

/// "Glem alt": the database and the flag deleted.
pub fn forget() {
    if let Some(s) = storage() {
        let _ = s.remove_item(FLAG);
    }
    if let Some(f) = web_sys::window().and_then(|w| w.indexed_db().ok().flatten()) {
        let _ = f.delete_database(DB);
    }
}
