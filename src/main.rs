//! The page's entry point (wasm). Natively there is no page: use the `referat` binary.

#[cfg(target_arch = "wasm32")]
fn main() {
    // The same wasm runs in the analysis worker, where there is no page to render.
    if web_sys::window().is_some() {
        yew::Renderer::<referat_analyzer::app::App>::new().render();
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Siden bygges til WebAssembly med trunk (se README). På kommandolinjen: cargo run --release --bin referat -- FIL");
}
