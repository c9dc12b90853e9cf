//! The page's entry point (wasm). Natively there is no page: use the `referat` binary.

#[cfg(target_arch = "wasm32")]
fn main() {
    // The same wasm runs in the analysis worker (no window) and behind the JavaScript API
    // in other pages: the app renders only into a page that asks for it.
    let wants_app =
        web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()).is_some_and(|b| b.has_attribute("data-referat-app"));
    if wants_app {
        yew::Renderer::<referat_analyzer::app::App>::new().render();
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Siden bygges til WebAssembly med trunk (se README). På kommandolinjen: cargo run --release --bin referat -- FIL");
}
