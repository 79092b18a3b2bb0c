//! User kernels: programs built from OpenCL C source, kernels with arguments
//! set by index and checked against their declarations.

use std::ffi::CString;
use std::sync::{Arc, Weak};

use ocl::core::{
    ArgVal, KernelArgAddressQualifier as Addr, KernelArgInfo, KernelArgInfoResult, KernelInfo,
    KernelInfoResult, Program as ProgramCore, ProgramBuildInfo, ProgramBuildInfoResult,
    ProgramBuildStatus, ProgramInfo, ProgramInfoResult, Status,
};
use oxpar_core::{DType, Error, ErrorKind, Result};

use crate::{err, DeviceBuffer, DeviceElement, OpenClBackend, Shared};

/// The build log of `program` on the backend's device (trimmed).
fn build_log(shared: &Shared, program: &ProgramCore) -> String {
    match ocl::core::get_program_build_info(
        program,
        shared.device.as_core(),
        ProgramBuildInfo::BuildLog,
    ) {
        Ok(ProgramBuildInfoResult::BuildLog(log)) => log
            .trim_matches(|c: char| c == '\0' || c.is_whitespace())
            .to_string(),
        _ => String::new(),
    }
}

/// Builds OpenCL C `source` for the backend's device. A source that does not
/// compile is an [`ErrorKind::InvalidArgument`] error whose message holds the
/// compiler's log. Returns the program and its (warnings) log.
pub(crate) fn compile(
    shared: &Shared,
    source: &str,
    options: &str,
    arg_info: bool,
) -> Result<(ProgramCore, String)> {
    let src = CString::new(source)
        .map_err(|_| Error::invalid_argument("source", "contains a NUL character"))?;
    let mut opts = options.trim().to_string();
    if arg_info {
        // Kernel argument names and types, for the checks in `set_arg`.
        opts.push_str(" -cl-kernel-arg-info");
    }
    let opts = CString::new(opts)
        .map_err(|_| Error::invalid_argument("options", "contains a NUL character"))?;
    let program = ocl::core::create_program_with_source(shared.context.as_core(), &[src])
        .map_err(|e| err::core("creating a program from source", e))?;
    let built = ocl::core::build_program(
        &program,
        Some(&[shared.device.as_core()]),
        &opts,
        None,
        None,
    );
    let log = build_log(shared, &program);
    let status = match ocl::core::get_program_build_info(
        &program,
        shared.device.as_core(),
        ProgramBuildInfo::BuildStatus,
    ) {
        Ok(ProgramBuildInfoResult::BuildStatus(s)) => Some(s),
        _ => None,
    };
    let failed = built.is_err() || status.is_some_and(|s| s != ProgramBuildStatus::Success);
    if failed {
        let e = built.err().map(ocl::Error::from);
        if e.as_ref().and_then(err::status) == Some(Status::CL_INVALID_BUILD_OPTIONS) {
            return Err(Error::invalid_argument(
                "options",
                format!("the OpenCL compiler refused build options {options:?}"),
            ));
        }
        let detail = if log.is_empty() {
            e.map(|e| err::describe(&e))
                .unwrap_or_else(|| "no build log".to_string())
        } else {
            log
        };
        return Err(Error::invalid_argument(
            "source",
            format!(
                "OpenCL C program failed to build for device {}:\n{detail}",
                shared.info.name
            ),
        ));
    }
    Ok((program, log))
}

/// A program compiled from OpenCL C source for one backend's device.
pub struct Program {
    shared: Arc<Shared>,
    program: ProgramCore,
    log: String,
}

impl std::fmt::Debug for Program {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Program")
            .field("device", &self.shared.info.name)
            .field("log", &self.log)
            .finish()
    }
}

impl OpenClBackend {
    /// Compiles OpenCL C `source` with compiler `options` (e.g. `"-DN=4"`;
    /// may be empty) for this backend's device.
    ///
    /// A source that does not compile gives an [`ErrorKind::InvalidArgument`]
    /// error whose message holds the compiler's build log; options the
    /// compiler refuses do too.
    pub fn build_program(&self, source: &str, options: &str) -> Result<Program> {
        let arg_info = !self.shared.info.version.starts_with("OpenCL 1.0")
            && !self.shared.info.version.starts_with("OpenCL 1.1");
        let (program, log) = compile(&self.shared, source, options, arg_info)?;
        Ok(Program {
            shared: Arc::clone(&self.shared),
            program,
            log,
        })
    }
}

impl Program {
    /// The compiler's log of a successful build (warnings); often empty.
    pub fn build_log(&self) -> &str {
        &self.log
    }

    /// The names of the kernels the program defines.
    pub fn kernel_names(&self) -> Result<Vec<String>> {
        match ocl::core::get_program_info(&self.program, ProgramInfo::KernelNames) {
            Ok(ProgramInfoResult::KernelNames(names)) => Ok(names
                .split(';')
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .map(String::from)
                .collect()),
            Ok(_) => Ok(Vec::new()),
            Err(e) => Err(err::core("listing the program's kernels", e)),
        }
    }

    /// The kernel called `name`, with no arguments set yet.
    pub fn kernel(&self, name: &str) -> Result<Kernel> {
        let kernel = ocl::core::create_kernel(&self.program, name).map_err(|e| {
            let e = ocl::Error::from(e);
            if err::status(&e) == Some(Status::CL_INVALID_KERNEL_NAME) {
                let known = self.kernel_names().unwrap_or_default().join(", ");
                Error::invalid_argument(
                    "name",
                    format!("the program has no kernel named {name:?} (it has: {known})"),
                )
            } else {
                err::cl(&format!("creating kernel {name:?}"), &e)
            }
        })?;
        let num_args = match ocl::core::get_kernel_info(&kernel, KernelInfo::NumArgs) {
            Ok(KernelInfoResult::NumArgs(n)) => n as usize,
            Ok(_) => 0,
            Err(e) => return Err(err::core(&format!("querying kernel {name:?}"), e)),
        };
        let decls = (0..num_args)
            .map(|i| arg_decl(&kernel, i as u32))
            .collect::<Option<Vec<_>>>();
        let slots = match decls {
            Some(d) => d
                .into_iter()
                .map(|d| Slot {
                    decl: Some(d),
                    set: None,
                })
                .collect(),
            None => (0..num_args)
                .map(|_| Slot {
                    decl: None,
                    set: None,
                })
                .collect(),
        };
        Ok(Kernel {
            shared: Arc::clone(&self.shared),
            kernel,
            name: name.to_string(),
            slots,
        })
    }
}

/// How a kernel declares one argument (when the driver tells).
#[derive(Clone, Debug)]
struct ArgDecl {
    name: String,
    type_name: String,
    addr: Addr,
}

fn arg_decl(kernel: &ocl::core::Kernel, idx: u32) -> Option<ArgDecl> {
    let q = |k| ocl::core::get_kernel_arg_info(kernel, idx, k, None).ok();
    let addr = match q(KernelArgInfo::AddressQualifier)? {
        KernelArgInfoResult::AddressQualifier(a) => a,
        _ => return None,
    };
    let type_name = match q(KernelArgInfo::TypeName)? {
        KernelArgInfoResult::TypeName(t) => t.trim_end_matches('\0').trim().to_string(),
        _ => return None,
    };
    let name = match q(KernelArgInfo::Name) {
        Some(KernelArgInfoResult::Name(n)) => n.trim_end_matches('\0').trim().to_string(),
        _ => String::new(),
    };
    Some(ArgDecl {
        name,
        type_name,
        addr,
    })
}

/// What a set argument remembers.
enum Held {
    /// A buffer (`None`: an empty one, passed as null). The kernel object
    /// holds null in between launches and the buffer only weakly, so that
    /// freeing the buffer frees its memory; each launch sets it again.
    Mem {
        buffer: Option<Weak<ocl::core::Mem>>,
    },
    Value,
}

struct Slot {
    decl: Option<ArgDecl>,
    set: Option<Held>,
}

/// A kernel of a [`Program`]: set every argument with
/// [`set_arg`](Kernel::set_arg), then [`launch`](Kernel::launch).
///
/// A kernel holds one set of arguments, so it is `Send` but not `Sync`; make
/// one kernel per thread from the same program to launch concurrently.
/// Arguments are captured at launch: setting new ones afterwards does not
/// affect a launch already queued. A buffer argument is held weakly: the
/// kernel never keeps a freed buffer's memory, and launching it after that
/// buffer was dropped is an [`ErrorKind::InvalidArgument`] error until the
/// argument is set again.
pub struct Kernel {
    shared: Arc<Shared>,
    kernel: ocl::core::Kernel,
    name: String,
    slots: Vec<Slot>,
}

impl std::fmt::Debug for Kernel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Kernel")
            .field("name", &self.name)
            .field("num_args", &self.slots.len())
            .finish()
    }
}

/// A buffer passed as a kernel argument (made from `&DeviceBuffer<T>`).
#[derive(Clone, Copy)]
pub struct BufferArg<'a> {
    backend_id: u64,
    dtype: DType,
    mem: Option<&'a ocl::core::Mem>,
    token: Option<&'a Arc<ocl::core::Mem>>,
}

impl std::fmt::Debug for BufferArg<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BufferArg")
            .field("dtype", &self.dtype)
            .field("empty", &self.mem.is_none())
            .finish()
    }
}

/// A kernel argument. Made with `.into()` from `&DeviceBuffer<T>` (a
/// `__global` or `__constant` pointer to `float`/`double` or their vector
/// types), `i32` (`int`), `u32` (`uint`), `i64` (`long`), `u64` (`ulong`),
/// `usize` (passed as `ulong`: OpenCL forbids `size_t` parameters), `f32`
/// (`float`) or `f64` (`double`); or [`KernelArg::Local`] for `__local`
/// memory.
#[derive(Clone, Copy, Debug)]
pub enum KernelArg<'a> {
    /// A device buffer. An empty buffer is passed as a null pointer.
    Buffer(BufferArg<'a>),
    /// `int`.
    I32(i32),
    /// `uint`.
    U32(u32),
    /// `long`.
    I64(i64),
    /// `ulong`.
    U64(u64),
    /// `ulong` (64 bits on every device).
    Usize(usize),
    /// `float`.
    F32(f32),
    /// `double`.
    F64(f64),
    /// `__local` memory of this many bytes, per work-group.
    Local(usize),
}

impl<'a, T: DeviceElement> From<&'a DeviceBuffer<T>> for KernelArg<'a> {
    fn from(b: &'a DeviceBuffer<T>) -> Self {
        KernelArg::Buffer(BufferArg {
            backend_id: b.backend_id(),
            dtype: T::DTYPE,
            mem: b.mem(),
            token: b.token(),
        })
    }
}

impl<'a, T: DeviceElement> From<&'a mut DeviceBuffer<T>> for KernelArg<'a> {
    fn from(b: &'a mut DeviceBuffer<T>) -> Self {
        KernelArg::from(&*b)
    }
}

macro_rules! scalar_args {
    ($($t:ty => $v:ident),*) => {$(
        impl From<$t> for KernelArg<'_> {
            fn from(v: $t) -> Self {
                KernelArg::$v(v)
            }
        }
    )*};
}
scalar_args!(i32 => I32, u32 => U32, i64 => I64, u64 => U64, usize => Usize, f32 => F32, f64 => F64);

impl KernelArg<'_> {
    /// What was given, for messages.
    fn describe(&self) -> String {
        match self {
            KernelArg::Buffer(b) => format!("a buffer of {}", cl_element(b.dtype)),
            KernelArg::I32(_) => "an i32 (int)".into(),
            KernelArg::U32(_) => "a u32 (uint)".into(),
            KernelArg::I64(_) => "an i64 (long)".into(),
            KernelArg::U64(_) => "a u64 (ulong)".into(),
            KernelArg::Usize(_) => "a usize (ulong)".into(),
            KernelArg::F32(_) => "an f32 (float)".into(),
            KernelArg::F64(_) => "an f64 (double)".into(),
            KernelArg::Local(n) => format!("{n} bytes of local memory"),
        }
    }
}

/// The OpenCL C type of one element: complex numbers are two-component
/// vectors (`float2`, `double2`), real then imaginary.
fn cl_element(dtype: DType) -> &'static str {
    match dtype {
        DType::F32 => "float",
        DType::F64 => "double",
        DType::C32 => "float2",
        DType::C64 => "double2",
    }
}

/// OpenCL C's built-in scalar type names (to tell them from typedefs, which
/// are not checked).
const BUILTIN_SCALARS: [&str; 16] = [
    "bool",
    "char",
    "uchar",
    "unsigned char",
    "short",
    "ushort",
    "unsigned short",
    "int",
    "uint",
    "unsigned int",
    "long",
    "ulong",
    "unsigned long",
    "float",
    "double",
    "half",
];

/// Whether `given` fits the declaration `decl`; `None` when it does, else why not.
fn mismatch(decl: &ArgDecl, given: &KernelArg<'_>) -> Option<&'static str> {
    let ty = decl.type_name.as_str();
    let pointer = ty.ends_with('*');
    match given {
        KernelArg::Buffer(b) => {
            if !matches!(decl.addr, Addr::Global | Addr::Constant) || !pointer {
                return Some("it is not a __global or __constant pointer");
            }
            let pointee = ty
                .trim_end_matches('*')
                .split_whitespace()
                .filter(|w| !matches!(*w, "const" | "volatile" | "restrict"))
                .collect::<Vec<_>>()
                .join(" ");
            let elem = cl_element(b.dtype);
            let fits = pointee
                .strip_prefix(elem)
                .is_some_and(|rest| rest.chars().all(|c| c.is_ascii_digit()));
            let is_builtin = BUILTIN_SCALARS.iter().any(|s| pointee.starts_with(s));
            if !fits && is_builtin {
                return Some("its element type differs");
            }
            None
        }
        KernelArg::Local(_) => (decl.addr != Addr::Local).then_some("it is not a __local pointer"),
        scalar => {
            if decl.addr != Addr::Private || pointer {
                return Some("it is a pointer, not a value");
            }
            let accepted: &[&str] = match scalar {
                KernelArg::I32(_) => &["int"],
                KernelArg::U32(_) => &["uint", "unsigned int"],
                KernelArg::I64(_) => &["long"],
                KernelArg::U64(_) | KernelArg::Usize(_) => &["ulong", "unsigned long"],
                KernelArg::F32(_) => &["float"],
                KernelArg::F64(_) => &["double"],
                KernelArg::Buffer(_) | KernelArg::Local(_) => &[],
            };
            let ty = ty.trim_start_matches("const ").trim();
            if accepted.contains(&ty) || !BUILTIN_SCALARS.contains(&ty) {
                // Matches, or a typedef/struct/vector type this check does
                // not know: OpenCL still checks the size.
                None
            } else {
                Some("its type differs")
            }
        }
    }
}

impl Kernel {
    /// The kernel's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// How many arguments the kernel declares.
    pub fn num_args(&self) -> usize {
        self.slots.len()
    }

    /// The declared name of argument `index`, when the driver reports it.
    pub fn arg_name(&self, index: usize) -> Option<&str> {
        self.slots
            .get(index)
            .and_then(|s| s.decl.as_ref())
            .map(|d| d.name.as_str())
            .filter(|n| !n.is_empty())
    }

    fn arg_label(&self, index: usize) -> String {
        match self.slots.get(index).and_then(|s| s.decl.as_ref()) {
            Some(d) if !d.name.is_empty() => {
                format!("argument {index} (`{} {}`)", d.type_name, d.name)
            }
            Some(d) => format!("argument {index} (`{}`)", d.type_name),
            None => format!("argument {index}"),
        }
    }

    /// Sets argument `index` (0-based) to a buffer, a scalar or local memory.
    ///
    /// Errors ([`ErrorKind::InvalidArgument`]), not panics: an index past the
    /// kernel's arguments; a value whose type does not match the declaration
    /// (checked when the driver reports argument types, which every OpenCL
    /// 1.2+ driver does; otherwise OpenCL still checks sizes); a buffer of
    /// another backend.
    pub fn set_arg<'a>(&mut self, index: usize, arg: impl Into<KernelArg<'a>>) -> Result<()> {
        let arg = arg.into();
        let n = self.slots.len();
        if index >= n {
            return Err(Error::invalid_argument(
                "index",
                format!(
                    "kernel `{}` has {n} argument{}; index {index} is out of range",
                    self.name,
                    if n == 1 { "" } else { "s" }
                ),
            ));
        }
        if let KernelArg::Buffer(b) = &arg {
            if b.backend_id != self.shared.id {
                return Err(Error::invalid_argument(
                    "arg",
                    format!(
                        "kernel `{}`, {}: the buffer belongs to another OpenCL backend (context)",
                        self.name,
                        self.arg_label(index)
                    ),
                ));
            }
        }
        if let Some(why) = self.slots[index]
            .decl
            .as_ref()
            .and_then(|d| mismatch(d, &arg))
        {
            return Err(Error::invalid_argument(
                "arg",
                format!(
                    "kernel `{}`, {}: {} was given, but {why}",
                    self.name,
                    self.arg_label(index),
                    arg.describe()
                ),
            ));
        }
        let idx = index as u32;
        let (val, held) = match &arg {
            KernelArg::Buffer(b) => (
                match b.mem {
                    Some(m) => ArgVal::mem(m),
                    None => ArgVal::mem_null(),
                },
                Held::Mem {
                    buffer: b.token.map(Arc::downgrade),
                },
            ),
            KernelArg::I32(v) => (ArgVal::scalar(v), Held::Value),
            KernelArg::U32(v) => (ArgVal::scalar(v), Held::Value),
            KernelArg::I64(v) => (ArgVal::scalar(v), Held::Value),
            KernelArg::U64(v) => (ArgVal::scalar(v), Held::Value),
            KernelArg::Usize(v) => {
                let v = *v as u64;
                let r = ocl::core::set_kernel_arg(&self.kernel, idx, ArgVal::scalar(&v));
                return self.after_set(index, r, Held::Value, &arg);
            }
            KernelArg::F32(v) => (ArgVal::scalar(v), Held::Value),
            KernelArg::F64(v) => (ArgVal::scalar(v), Held::Value),
            KernelArg::Local(bytes) => {
                if *bytes == 0 {
                    return Err(Error::invalid_argument(
                        "arg",
                        format!(
                            "kernel `{}`, {}: local memory size must be positive",
                            self.name,
                            self.arg_label(index)
                        ),
                    ));
                }
                (ArgVal::local::<u8>(bytes), Held::Value)
            }
        };
        let is_mem = matches!(held, Held::Mem { buffer: Some(_) });
        let r = ocl::core::set_kernel_arg(&self.kernel, idx, val);
        if is_mem && r.is_ok() {
            // OpenCL checked the memory object; the kernel holds null until
            // a launch sets it again (see `Held::Mem`).
            let _ = ocl::core::set_kernel_arg(&self.kernel, idx, ArgVal::mem_null());
        }
        self.after_set(index, r, held, &arg)
    }

    /// Sets the buffer arguments for a launch; returns the memory objects,
    /// which the caller keeps until the launch is enqueued. Errors if a
    /// buffer was freed since it was set.
    pub(crate) fn bind_buffers(&self) -> Result<Vec<(u32, Arc<ocl::core::Mem>)>> {
        let mut bound = Vec::new();
        for (i, slot) in self.slots.iter().enumerate() {
            let Some(Held::Mem { buffer: Some(w) }) = &slot.set else {
                continue;
            };
            let Some(mem) = w.upgrade() else {
                self.unbind_buffers(&bound);
                return Err(Error::invalid_argument(
                    "kernel",
                    format!(
                        "kernel `{}`, {}: the buffer set as this argument has been freed; set \
                         the argument again before launching",
                        self.name,
                        self.arg_label(i)
                    ),
                ));
            };
            if let Err(e) = ocl::core::set_kernel_arg(&self.kernel, i as u32, ArgVal::mem(&mem)) {
                self.unbind_buffers(&bound);
                return Err(err::core(
                    &format!("kernel `{}`, {}", self.name, self.arg_label(i)),
                    e,
                ));
            }
            bound.push((i as u32, mem));
        }
        Ok(bound)
    }

    /// Sets the buffer arguments `bound` back to null after a launch.
    pub(crate) fn unbind_buffers(&self, bound: &[(u32, Arc<ocl::core::Mem>)]) {
        for (i, _) in bound {
            // Cannot fail for an index and a type that were just set.
            let _ = ocl::core::set_kernel_arg(&self.kernel, *i, ArgVal::mem_null());
        }
    }

    fn after_set(
        &mut self,
        index: usize,
        r: std::result::Result<(), ocl::core::Error>,
        held: Held,
        arg: &KernelArg<'_>,
    ) -> Result<()> {
        match r {
            Ok(()) => {
                self.slots[index].set = Some(held);
                Ok(())
            }
            Err(e) => {
                let e = ocl::Error::from(e);
                let kind = match err::status(&e) {
                    Some(
                        Status::CL_INVALID_ARG_SIZE
                        | Status::CL_INVALID_ARG_VALUE
                        | Status::CL_INVALID_ARG_INDEX
                        | Status::CL_INVALID_MEM_OBJECT,
                    ) => ErrorKind::InvalidArgument,
                    _ => err::kind_of(&e),
                };
                Err(Error::new(
                    kind,
                    format!(
                        "kernel `{}`, {}: OpenCL refused {}: {}",
                        self.name,
                        self.arg_label(index),
                        arg.describe(),
                        err::describe(&e)
                    ),
                ))
            }
        }
    }

    /// Errors unless every argument has been set.
    pub(crate) fn check_all_set(&self) -> Result<()> {
        let unset: Vec<String> = (0..self.slots.len())
            .filter(|&i| self.slots[i].set.is_none())
            .map(|i| self.arg_label(i))
            .collect();
        if unset.is_empty() {
            Ok(())
        } else {
            Err(Error::invalid_argument(
                "kernel",
                format!(
                    "kernel `{}`: {} not set before launch",
                    self.name,
                    unset.join(", ")
                ),
            ))
        }
    }

    pub(crate) fn core(&self) -> &ocl::core::Kernel {
        &self.kernel
    }

    pub(crate) fn queue(&self) -> &ocl::core::CommandQueue {
        self.shared.queue.as_core()
    }

    pub(crate) fn shared(&self) -> &Shared {
        &self.shared
    }
}
