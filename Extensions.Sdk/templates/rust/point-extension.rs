//! {{name}}: an extension point (world saas:extensibility/point-extension@1.0.0).
//!
//! The application calls it with a point name and JSON input and uses the JSON it returns.
//! `println!` and `eprintln!` go to the invocation log; so does `logging::info`.

use saas_extensibility::{config, export_extension_point, json_string, logging, ExtensionPoint, Failure};

struct Point;

impl ExtensionPoint for Point {
    fn invoke(point: &str, input: &str) -> Result<String, Failure> {
        if input.trim().is_empty() {
            return Err(Failure::new("empty-input", "expected JSON input"));
        }

        // Settings the operator's admins manage per component.
        let greeting = config::get("greeting").unwrap_or_else(|| String::from("hello"));
        println!("{{name}} serving {point}");
        logging::info(&format!("{{name}} answered {point}"));
        Ok(format!(
            "{{\"point\":{},\"greeting\":{},\"input\":{input}}}",
            json_string(point),
            json_string(&greeting)
        ))
    }
}

export_extension_point!(Point);
