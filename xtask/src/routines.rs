//! The routine table: one description of every BLAS routine of oxpar's
//! native API, from which the typed C exports of every routine are written
//! (`capi_gen.rs`; with their generic helpers too for the routines marked
//! [`Shell::Generated`], whose Fortran generics and Python wrappers are
//! written whole as well: `fortran_gen.rs`, `python_gen.rs`).
//!
//! A row lists the C arguments in order, each with its role. Shapes are
//! expressions over the dimension arguments ([`Ext`]); a matrix's shape is
//! the shape *as stored* (what the pointer and strides describe), and `op`
//! names the `trans` argument that transposes it before the trait call.
//! `call` is the trait method's argument list, by argument name (the method
//! has the routine's name, on the trait of its `level`).
//!
//! Adding a routine: a trait method with its default (crates/oxpar-core:
//! `backend.rs`, the body in `reference.rs`, the forwarding in `repro.rs`),
//! the MPI backend's answer (crates/oxpar-mpi/src/ops.rs), a row here with
//! `Shell::Generated`, `make gen`, and tests. A routine that needs more than
//! argument conversion in C (reproducible mode, an MPI collective) has
//! `Shell::Helper`: its generic helper in crates/oxpar-capi/src/blas.rs, its
//! documentation in `helper_docs.rs`, its Fortran procedure in
//! bindings/fortran/src/oxpar_blas_twins.f90.in and its Python function (the
//! signature, calling the compiled argument handling) in oxpar/blas.py.
//!
//! A routine on OpenCL device buffers too (`oxpar_buffer_<t><name>`, see
//! `buffer_gen.rs`): a kernel and a method of `DeviceLevel1/2/3` in
//! crates/oxpar-opencl (with its delegation in `SwitchableDevice`), and
//! `device: Some(..)` on the row with the float routine's documentation.

/// How the C routine is made: both ways its typed `extern "C"` shells are
/// generated; what differs is the generic helper they call.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Shell {
    /// The shells (written into crates/oxpar-capi/src/blas/shells.rs) call
    /// a hand-written generic helper of crates/oxpar-capi/src/blas.rs, which
    /// keeps what argument conversion alone cannot say: reproducible mode, MPI
    /// collectives, aliasing copies. The documentation is the row's
    /// [`Helper`] (in `helper_docs.rs`).
    Helper(Helper),
    /// The helper, the shells (crates/oxpar-capi/src/generated.rs), the
    /// Fortran generic and the Python wrapper are all written from this row.
    Generated,
}

/// The C shells of a routine with a hand-written helper (see [`Shell::Helper`]).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Helper {
    /// The helper call, over the C argument names; `""` for the helper of
    /// the routine's name taking the C arguments in order.
    pub call: &'static str,
    /// The summary paragraphs, `{floats}` / `{float}` standing for the
    /// element type's words (`floats`, `float`).
    pub doc: &'static str,
    /// A paragraph for single precision only (its accumulation), placed after
    /// the first paragraph of `doc`, or "".
    pub single: &'static str,
    /// A paragraph for the complex element types only (what their real
    /// results and magnitudes are), placed after the first paragraph of
    /// `doc`, or "".
    pub complex: &'static str,
    /// The `Errors:` paragraph (MPI collective notes included).
    pub errors: &'static str,
    /// Whether the routine is collective on an MPI context (every rank calls
    /// it; an argument one rank rejects fails every rank): the bindings then
    /// tell the library of an argument they reject themselves.
    pub collective: bool,
}

/// A routine on device buffers: the trait method of the same name on
/// `DeviceLevel1/2/3` (crates/oxpar-opencl), called on the context's
/// device (reproducible as the context is).
#[derive(Copy, Clone, Debug)]
pub struct Device {
    /// The documentation of the float routine, complete (summary, errors,
    /// safety); the double one refers to it.
    pub doc: &'static str,
}

/// Whether an array is read, written, or both.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Io {
    /// Only read: any strides, may share memory with outputs (read from a copy then).
    In,
    /// Read (maybe) and written.
    InOut,
}

/// The enumerations C passes as `int32_t`.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `oxpar_side`: left (0) or right (1).
    Side,
    /// `oxpar_uplo` of the matrix named: upper (0) or lower (1), as stored.
    Uplo {
        /// The matrix whose triangle it names.
        of: &'static str,
    },
    /// `oxpar_trans`: no (0) or yes (1).
    Trans,
    /// `oxpar_diag`: non-unit (0) or unit (1).
    Diag,
}

/// An extent (length, rows, columns) in terms of dimension arguments.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Ext {
    /// A dimension argument.
    D(&'static str),
    /// `no` when the enum argument `on` is 0 (no, left), else `yes`.
    Pick {
        /// The enum argument deciding.
        on: &'static str,
        /// The extent when it is 0.
        no: &'static str,
        /// The extent when it is 1.
        yes: &'static str,
    },
}

/// The role of one C argument.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Role {
    /// The `oxpar_context *`.
    Context,
    /// An enumeration, `int32_t`.
    Enum(Kind),
    /// A dimension, `size_t`.
    Dim,
    /// A scalar read through a pointer (`alpha`, `beta`), with its default
    /// in the Fortran and Python wrappers.
    Scalar {
        /// The default value, as a decimal literal.
        default: &'static str,
    },
    /// A scalar of the element type's real type read through a pointer: `float`
    /// for `c` (her's and herk's `alpha`, herk's `beta`); for real element
    /// types the same as [`Role::Scalar`].
    RealScalar {
        /// The default value, as a decimal literal.
        default: &'static str,
    },
    /// A vector: pointer, length, increment argument.
    Vector {
        /// Read or written.
        io: Io,
        /// Its number of elements.
        len: Ext,
        /// The name of its increment argument.
        inc: &'static str,
    },
    /// A matrix: pointer, stored shape, row and column stride arguments.
    Matrix {
        /// Read or written.
        io: Io,
        /// Its rows as stored.
        rows: Ext,
        /// Its columns as stored.
        cols: Ext,
        /// The name of its row stride argument.
        rs: &'static str,
        /// The name of its column stride argument.
        cs: &'static str,
        /// The `trans` argument transposing it, if any.
        op: Option<&'static str>,
    },
    /// A band matrix in LAPACK band storage, read only: pointer and leading
    /// dimension argument. Column `j` of the band sits in column `j` of a
    /// column-major array, element `(i, j)` in its row `ku + i - j` (the
    /// layout of `oxpar::BandRef::from_blas`).
    Band {
        /// Its rows.
        rows: Ext,
        /// Its columns.
        cols: Ext,
        /// Its sub-diagonals (a dimension, or `"0"` / `k` picked by `uplo`).
        kl: Ext,
        /// Its super-diagonals, as `kl`.
        ku: Ext,
        /// The name of its leading dimension argument (`>= kl + ku + 1`).
        ld: &'static str,
        /// The `trans` argument transposing it, if any.
        op: Option<&'static str>,
    },
    /// One triangle of an `n x n` matrix in packed storage, the columns of the
    /// triangle one after another (BLAS `AP`): pointer only.
    Packed {
        /// Read or written.
        io: Io,
        /// Its order (a dimension argument).
        n: &'static str,
        /// The `uplo` argument naming the triangle stored.
        uplo: &'static str,
        /// The `trans` argument transposing it, if any.
        op: Option<&'static str>,
    },
    /// A scalar result of the element type, written through a pointer.
    Out,
    /// A scalar result of the element type's real type (`nrm2`, `asum`),
    /// written through a pointer.
    RealOut,
    /// An index result (`size_t`), written through a pointer.
    IndexOut,
}

/// One C argument (strides and increments are listed with their array's role
/// and are not arguments of their own here).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Arg {
    /// The C name.
    pub name: &'static str,
    /// What it is.
    pub role: Role,
    /// The name the Python wrapper gives it (`out` for `c`, `b` for trsv's `x`).
    pub py: &'static str,
}

impl Arg {
    /// The same argument, named otherwise in Python.
    const fn py(self, py: &'static str) -> Arg {
        Arg { py, ..self }
    }

    /// The same matrix, transposed by the enum argument `trans`.
    const fn op(self, trans: &'static str) -> Arg {
        match self.role {
            Role::Matrix {
                io,
                rows,
                cols,
                rs,
                cs,
                ..
            } => Arg {
                role: Role::Matrix {
                    io,
                    rows,
                    cols,
                    rs,
                    cs,
                    op: Some(trans),
                },
                ..self
            },
            Role::Band {
                rows,
                cols,
                kl,
                ku,
                ld,
                ..
            } => Arg {
                role: Role::Band {
                    rows,
                    cols,
                    kl,
                    ku,
                    ld,
                    op: Some(trans),
                },
                ..self
            },
            Role::Packed { io, n, uplo, .. } => Arg {
                role: Role::Packed {
                    io,
                    n,
                    uplo,
                    op: Some(trans),
                },
                ..self
            },
            _ => panic!("only a matrix has an op"),
        }
    }
}

/// One routine.
#[derive(Copy, Clone, Debug)]
pub struct Routine {
    /// The name without the type letter (`oxpar_<t><name>`).
    pub name: &'static str,
    /// What it computes, one line.
    pub doc: &'static str,
    /// More about it (conventions, what is not read), or "".
    pub more: &'static str,
    /// The element types, one letter each: `s`, `d`, `c`, `z` (`float`,
    /// `double` and their complex counterparts). The C ABI, the Fortran
    /// generics and the Python functions have every letter; the ndarray
    /// functions and the OpenCL buffer routines the real ones for now
    /// ([`Routine::real_types`]).
    pub types: &'static str,
    /// The trait of the method: 1, 2 or 3 (`Level1`, `Level2`, `Level3`).
    pub level: u8,
    /// Who writes the C shell.
    pub shell: Shell,
    /// Whether the routine exists on OpenCL device buffers too
    /// (`oxpar_buffer_<t><name>`, generated into
    /// crates/oxpar-capi/src/opencl/buffer_blas.rs by `buffer_gen.rs`, the
    /// same arguments with each array a buffer handle plus the index of its
    /// first element, `off<name>`), and its documentation there.
    pub device: Option<Device>,
    /// The C arguments, in order.
    pub args: &'static [Arg],
    /// The trait method's arguments, by C name, in order.
    pub call: &'static [&'static str],
    /// The Python positional arguments (Python names), `"y=None"` for an
    /// output made when not given.
    pub py: &'static [&'static str],
}

impl Routine {
    /// The real element types of the row (`s`, `d`): those the ndarray
    /// functions and the OpenCL buffer routines offer so far.
    pub fn real_types(&self) -> String {
        self.types
            .chars()
            .filter(|t| matches!(t, 's' | 'd'))
            .collect()
    }

    /// The dimensions the caller gives (not bound from an array's extents):
    /// those among the Python positional arguments (`m`, `kl`, `ku` of gbmv).
    pub fn given_dims(&self) -> Vec<&'static str> {
        self.args
            .iter()
            .filter(|a| a.role == Role::Dim && self.py.contains(&a.name))
            .map(|a| a.name)
            .collect()
    }

    /// The argument named `name`.
    pub fn arg(&self, name: &str) -> &Arg {
        self.args
            .iter()
            .find(|a| a.name == name)
            .unwrap_or_else(|| panic!("{}: no argument {name}", self.name))
    }
}

const fn arg(name: &'static str, role: Role) -> Arg {
    Arg {
        name,
        role,
        py: name,
    }
}
const CTX: Arg = arg("ctx", Role::Context);
const SIDE: Arg = arg("side", Role::Enum(Kind::Side));
const TRANS: Arg = arg("trans", Role::Enum(Kind::Trans));
const DIAG: Arg = arg("diag", Role::Enum(Kind::Diag));
const ALPHA: Arg = arg("alpha", Role::Scalar { default: "1" });
const BETA: Arg = arg("beta", Role::Scalar { default: "0" });
const OUT: Arg = arg("out", Role::Out);
const REAL_OUT: Arg = arg("out", Role::RealOut);
const REAL_ALPHA: Arg = arg("alpha", Role::RealScalar { default: "1" });
const REAL_BETA: Arg = arg("beta", Role::RealScalar { default: "0" });
const fn uplo(of: &'static str) -> Arg {
    arg("uplo", Role::Enum(Kind::Uplo { of }))
}
const fn trans(name: &'static str) -> Arg {
    arg(name, Role::Enum(Kind::Trans))
}
const fn dim(name: &'static str) -> Arg {
    arg(name, Role::Dim)
}
const fn d(name: &'static str) -> Ext {
    Ext::D(name)
}
const fn pick(on: &'static str, no: &'static str, yes: &'static str) -> Ext {
    Ext::Pick { on, no, yes }
}
const fn vec(name: &'static str, io: Io, len: Ext, inc: &'static str) -> Arg {
    arg(name, Role::Vector { io, len, inc })
}
const fn mat(
    name: &'static str,
    io: Io,
    rows: Ext,
    cols: Ext,
    rs: &'static str,
    cs: &'static str,
) -> Arg {
    arg(
        name,
        Role::Matrix {
            io,
            rows,
            cols,
            rs,
            cs,
            op: None,
        },
    )
}

/// A general band matrix `rows x cols` with `kl` and `ku` dimension arguments.
const fn band(name: &'static str, rows: Ext, cols: Ext, kl: Ext, ku: Ext, ld: &'static str) -> Arg {
    arg(
        name,
        Role::Band {
            rows,
            cols,
            kl,
            ku,
            ld,
            op: None,
        },
    )
}
/// The `n x n` band holding one triangle with `k` off-diagonals: `ku = k`
/// when `uplo` is upper, `kl = k` when lower.
const fn tri_band(name: &'static str, n: &'static str, k: &'static str, ld: &'static str) -> Arg {
    band(
        name,
        d(n),
        d(n),
        pick("uplo", "0", k),
        pick("uplo", k, "0"),
        ld,
    )
}
const fn packed(name: &'static str, io: Io, n: &'static str) -> Arg {
    arg(
        name,
        Role::Packed {
            io,
            n,
            uplo: "uplo",
            op: None,
        },
    )
}

use crate::helper_docs;
use Io::{In, InOut};

/// Every BLAS routine of the native API.
pub const ROUTINES: &[Routine] = &[
    // ---- Level 1 (hand-written helpers: reproducible mode, MPI collectives) ----
    Routine {
        name: "axpy",
        doc: "`y := alpha*x + y`",
        more: "",
        types: "sdcz",
        level: 1,
        shell: Shell::Helper(helper_docs::AXPY),
        device: Some(BUF_AXPY),
        args: &[CTX, dim("n"), ALPHA, vec("x", In, d("n"), "incx"), vec("y", InOut, d("n"), "incy")],
        call: &["alpha", "x", "y"],
        py: &["alpha", "x", "y"],
    },
    Routine {
        name: "scal",
        doc: "`x := alpha*x`",
        more: "",
        types: "sdcz",
        level: 1,
        shell: Shell::Helper(helper_docs::SCAL),
        device: Some(BUF_SCAL),
        args: &[CTX, dim("n"), ALPHA, vec("x", InOut, d("n"), "incx")],
        call: &["alpha", "x"],
        py: &["alpha", "x"],
    },
    Routine {
        name: "rscal",
        doc: "`x := alpha*x` with `alpha` real",
        more: "",
        types: "cz",
        level: 1,
        shell: Shell::Helper(helper_docs::RSCAL),
        device: None,
        args: &[CTX, dim("n"), REAL_ALPHA, vec("x", InOut, d("n"), "incx")],
        call: &["alpha", "x"],
        py: &["alpha", "x"],
    },
    Routine {
        name: "copy",
        doc: "`y := x`",
        more: "",
        types: "sdcz",
        level: 1,
        shell: Shell::Helper(helper_docs::COPY),
        device: Some(BUF_COPY),
        args: &[CTX, dim("n"), vec("x", In, d("n"), "incx"), vec("y", InOut, d("n"), "incy")],
        call: &["x", "y"],
        py: &["x", "y"],
    },
    Routine {
        name: "swap",
        doc: "exchanges `x` and `y`",
        more: "",
        types: "sdcz",
        level: 1,
        shell: Shell::Helper(helper_docs::SWAP),
        device: Some(BUF_SWAP),
        args: &[CTX, dim("n"), vec("x", InOut, d("n"), "incx"), vec("y", InOut, d("n"), "incy")],
        call: &["x", "y"],
        py: &["x", "y"],
    },
    Routine {
        name: "dot",
        doc: "`*out := x . y`",
        more: "",
        types: "sd",
        level: 1,
        shell: Shell::Helper(helper_docs::DOT),
        device: Some(BUF_DOT),
        args: &[CTX, dim("n"), vec("x", In, d("n"), "incx"), vec("y", In, d("n"), "incy"), OUT],
        call: &["x", "y"],
        py: &["x", "y"],
    },
    Routine {
        name: "dotu",
        doc: "`*out := x^T . y` (unconjugated)",
        more: "",
        types: "cz",
        level: 1,
        shell: Shell::Helper(helper_docs::DOTU),
        device: None,
        args: &[CTX, dim("n"), vec("x", In, d("n"), "incx"), vec("y", In, d("n"), "incy"), OUT],
        call: &["x", "y"],
        py: &["x", "y"],
    },
    Routine {
        name: "dotc",
        doc: "`*out := x^H . y` (`x` conjugated)",
        more: "",
        types: "cz",
        level: 1,
        shell: Shell::Helper(helper_docs::DOTC),
        device: None,
        args: &[CTX, dim("n"), vec("x", In, d("n"), "incx"), vec("y", In, d("n"), "incy"), OUT],
        call: &["x", "y"],
        py: &["x", "y"],
    },
    Routine {
        name: "nrm2",
        doc: "`*out :=` the Euclidean norm of `x`",
        more: "",
        types: "sdcz",
        level: 1,
        shell: Shell::Helper(helper_docs::NRM2),
        device: Some(BUF_NRM2),
        args: &[CTX, dim("n"), vec("x", In, d("n"), "incx"), REAL_OUT],
        call: &["x"],
        py: &["x"],
    },
    Routine {
        name: "asum",
        doc: "`*out :=` the sum of `|x_i|`",
        more: "",
        types: "sdcz",
        level: 1,
        shell: Shell::Helper(helper_docs::ASUM),
        device: Some(BUF_ASUM),
        args: &[CTX, dim("n"), vec("x", In, d("n"), "incx"), REAL_OUT],
        call: &["x"],
        py: &["x"],
    },
    Routine {
        name: "sum",
        doc: "`*out :=` the sum of the `x_i`",
        more: "",
        types: "sdcz",
        level: 1,
        shell: Shell::Helper(helper_docs::SUM),
        device: Some(BUF_SUM),
        args: &[CTX, dim("n"), vec("x", In, d("n"), "incx"), OUT],
        call: &["x"],
        py: &["x"],
    },
    Routine {
        // C: oxpar_i<t>amax.
        name: "iamax",
        doc: "`*out :=` the first index of the largest `|x_i|`",
        more: "",
        types: "sdcz",
        level: 1,
        shell: Shell::Helper(helper_docs::IAMAX),
        device: Some(BUF_IAMAX),
        args: &[CTX, dim("n"), vec("x", In, d("n"), "incx"), arg("out", Role::IndexOut)],
        call: &["x"],
        py: &["x"],
    },
    // ---- Level 2 ----
    Routine {
        name: "gemv",
        doc: "`y := alpha*op(A)*x + beta*y`",
        more: "",
        types: "sdcz",
        level: 2,
        shell: Shell::Helper(helper_docs::GEMV),
        device: Some(BUF_GEMV),
        args: &[
            CTX,
            TRANS,
            dim("m"),
            dim("n"),
            ALPHA,
            mat("a", In, d("m"), d("n"), "rsa", "csa").op("trans"),
            vec("x", In, pick("trans", "n", "m"), "incx"),
            BETA,
            vec("y", InOut, pick("trans", "m", "n"), "incy"),
        ],
        call: &["alpha", "a", "x", "beta", "y"],
        py: &["a", "x", "y=None"],
    },
    Routine {
        name: "ger",
        doc: "`A := alpha*x*y^T + A`",
        more: "",
        types: "sd",
        level: 2,
        shell: Shell::Helper(helper_docs::GER),
        device: Some(BUF_GER),
        args: &[
            CTX,
            dim("m"),
            dim("n"),
            ALPHA,
            vec("x", In, d("m"), "incx"),
            vec("y", In, d("n"), "incy"),
            mat("a", InOut, d("m"), d("n"), "rsa", "csa"),
        ],
        call: &["alpha", "x", "y", "a"],
        py: &["alpha", "x", "y", "a"],
    },
    Routine {
        name: "geru",
        doc: "`A := alpha*x*y^T + A` (unconjugated)",
        more: "",
        types: "cz",
        level: 2,
        shell: Shell::Helper(helper_docs::GERU),
        device: None,
        args: &[
            CTX,
            dim("m"),
            dim("n"),
            ALPHA,
            vec("x", In, d("m"), "incx"),
            vec("y", In, d("n"), "incy"),
            mat("a", InOut, d("m"), d("n"), "rsa", "csa"),
        ],
        call: &["alpha", "x", "y", "a"],
        py: &["alpha", "x", "y", "a"],
    },
    Routine {
        name: "gerc",
        doc: "`A := alpha*x*y^H + A` (`y` conjugated)",
        more: "",
        types: "cz",
        level: 2,
        shell: Shell::Helper(helper_docs::GERC),
        device: None,
        args: &[
            CTX,
            dim("m"),
            dim("n"),
            ALPHA,
            vec("x", In, d("m"), "incx"),
            vec("y", In, d("n"), "incy"),
            mat("a", InOut, d("m"), d("n"), "rsa", "csa"),
        ],
        call: &["alpha", "x", "y", "a"],
        py: &["alpha", "x", "y", "a"],
    },
    Routine {
        name: "symv",
        doc: "`y := alpha*A*x + beta*y` with `A` symmetric, held in its `uplo` triangle",
        more: "The other triangle of `A` is not read. `beta == 0` does not read `y` (NaN there does not come out).",
        types: "sd",
        level: 2,
        shell: Shell::Generated,
        device: None,
        args: &[
            CTX,
            uplo("a"),
            dim("n"),
            ALPHA,
            mat("a", In, d("n"), d("n"), "rsa", "csa"),
            vec("x", In, d("n"), "incx"),
            BETA,
            vec("y", InOut, d("n"), "incy"),
        ],
        call: &["uplo", "alpha", "a", "x", "beta", "y"],
        py: &["a", "x", "y=None"],
    },
    Routine {
        name: "hemv",
        doc: "`y := alpha*A*x + beta*y` with `A` Hermitian, held in its `uplo` triangle",
        more: "The other triangle of `A` is not read, nor the imaginary parts of its diagonal (taken as 0). `beta == 0` does not read `y` (NaN there does not come out).",
        types: "cz",
        level: 2,
        shell: Shell::Generated,
        device: None,
        args: &[
            CTX,
            uplo("a"),
            dim("n"),
            ALPHA,
            mat("a", In, d("n"), d("n"), "rsa", "csa"),
            vec("x", In, d("n"), "incx"),
            BETA,
            vec("y", InOut, d("n"), "incy"),
        ],
        call: &["uplo", "alpha", "a", "x", "beta", "y"],
        py: &["a", "x", "y=None"],
    },
    Routine {
        name: "trmv",
        doc: "`x := op(A)*x` with `A` triangular, held in its `uplo` triangle",
        more: "The other triangle of `A` is not read, nor its diagonal when `diag` is unit.",
        types: "sdcz",
        level: 2,
        shell: Shell::Generated,
        device: None,
        args: &[
            CTX,
            uplo("a"),
            TRANS,
            DIAG,
            dim("n"),
            mat("a", In, d("n"), d("n"), "rsa", "csa").op("trans"),
            vec("x", InOut, d("n"), "incx"),
        ],
        call: &["uplo", "diag", "a", "x"],
        py: &["a", "x"],
    },
    Routine {
        name: "trsv",
        doc: "`x := op(A)^-1*x` (solves `op(A)*z = x`) with `A` triangular, held in its `uplo` triangle",
        more: "The other triangle of `A` is not read, nor its diagonal when `diag` is unit. \
               No test for singularity: a zero on the diagonal gives infinities or NaN, as in BLAS.",
        types: "sdcz",
        level: 2,
        shell: Shell::Generated,
        device: None,
        args: &[
            CTX,
            uplo("a"),
            TRANS,
            DIAG,
            dim("n"),
            mat("a", In, d("n"), d("n"), "rsa", "csa").op("trans"),
            vec("x", InOut, d("n"), "incx").py("b"),
        ],
        call: &["uplo", "diag", "a", "x"],
        py: &["a", "b"],
    },
    Routine {
        name: "syr",
        doc: "`A := alpha*x*x^T + A` on the `uplo` triangle of the symmetric `A`",
        more: "The other triangle of `A` is neither read nor written.",
        types: "sd",
        level: 2,
        shell: Shell::Generated,
        device: None,
        args: &[
            CTX,
            uplo("a"),
            dim("n"),
            ALPHA,
            vec("x", In, d("n"), "incx"),
            mat("a", InOut, d("n"), d("n"), "rsa", "csa"),
        ],
        call: &["uplo", "alpha", "x", "a"],
        py: &["alpha", "x", "a"],
    },
    Routine {
        name: "syr2",
        doc: "`A := alpha*(x*y^T + y*x^T) + A` on the `uplo` triangle of the symmetric `A`",
        more: "The other triangle of `A` is neither read nor written.",
        types: "sd",
        level: 2,
        shell: Shell::Generated,
        device: None,
        args: &[
            CTX,
            uplo("a"),
            dim("n"),
            ALPHA,
            vec("x", In, d("n"), "incx"),
            vec("y", In, d("n"), "incy"),
            mat("a", InOut, d("n"), d("n"), "rsa", "csa"),
        ],
        call: &["uplo", "alpha", "x", "y", "a"],
        py: &["alpha", "x", "y", "a"],
    },
    Routine {
        name: "her",
        doc: "`A := alpha*x*x^H + A` (`alpha` real) on the `uplo` triangle of the Hermitian `A`",
        more: "The other triangle of `A` is neither read nor written; the diagonal comes out real.",
        types: "cz",
        level: 2,
        shell: Shell::Generated,
        device: None,
        args: &[
            CTX,
            uplo("a"),
            dim("n"),
            REAL_ALPHA,
            vec("x", In, d("n"), "incx"),
            mat("a", InOut, d("n"), d("n"), "rsa", "csa"),
        ],
        call: &["uplo", "alpha", "x", "a"],
        py: &["alpha", "x", "a"],
    },
    Routine {
        name: "her2",
        doc: "`A := alpha*x*y^H + conj(alpha)*y*x^H + A` on the `uplo` triangle of the Hermitian `A`",
        more: "The other triangle of `A` is neither read nor written; the diagonal comes out real.",
        types: "cz",
        level: 2,
        shell: Shell::Generated,
        device: None,
        args: &[
            CTX,
            uplo("a"),
            dim("n"),
            ALPHA,
            vec("x", In, d("n"), "incx"),
            vec("y", In, d("n"), "incy"),
            mat("a", InOut, d("n"), d("n"), "rsa", "csa"),
        ],
        call: &["uplo", "alpha", "x", "y", "a"],
        py: &["alpha", "x", "y", "a"],
    },
    Routine {
        name: "gbmv",
        doc: "`y := alpha*op(A)*x + beta*y` with `A` an `m x n` band matrix with `kl` sub- and `ku` super-diagonals",
        more: "Elements of `a` outside the band are not read. `beta == 0` does not read `y` (NaN there does not come out).",
        types: "sdcz",
        level: 2,
        shell: Shell::Generated,
        device: None,
        args: &[
            CTX,
            TRANS,
            dim("m"),
            dim("n"),
            dim("kl"),
            dim("ku"),
            ALPHA,
            band("a", d("m"), d("n"), d("kl"), d("ku"), "lda").op("trans"),
            vec("x", In, pick("trans", "n", "m"), "incx"),
            BETA,
            vec("y", InOut, pick("trans", "m", "n"), "incy"),
        ],
        call: &["alpha", "a", "x", "beta", "y"],
        py: &["m", "kl", "ku", "a", "x", "y=None"],
    },
    Routine {
        name: "sbmv",
        doc: "`y := alpha*A*x + beta*y` with `A` a symmetric band matrix with `k` off-diagonals, held in its `uplo` triangle",
        more: "The other triangle of `A` is not read. `beta == 0` does not read `y` (NaN there does not come out).",
        types: "sd",
        level: 2,
        shell: Shell::Generated,
        device: None,
        args: &[
            CTX,
            uplo("a"),
            dim("n"),
            dim("k"),
            ALPHA,
            tri_band("a", "n", "k", "lda"),
            vec("x", In, d("n"), "incx"),
            BETA,
            vec("y", InOut, d("n"), "incy"),
        ],
        call: &["uplo", "alpha", "a", "x", "beta", "y"],
        py: &["a", "x", "y=None"],
    },
    Routine {
        name: "spmv",
        doc: "`y := alpha*A*x + beta*y` with `A` symmetric, held in its `uplo` triangle in packed storage",
        more: "`beta == 0` does not read `y` (NaN there does not come out).",
        types: "sd",
        level: 2,
        shell: Shell::Generated,
        device: None,
        args: &[
            CTX,
            uplo("ap"),
            dim("n"),
            ALPHA,
            packed("ap", In, "n"),
            vec("x", In, d("n"), "incx"),
            BETA,
            vec("y", InOut, d("n"), "incy"),
        ],
        call: &["alpha", "ap", "x", "beta", "y"],
        py: &["ap", "x", "y=None"],
    },
    Routine {
        name: "tbmv",
        doc: "`x := op(A)*x` with `A` a triangular band matrix with `k` off-diagonals, held in its `uplo` triangle",
        more: "The other triangle of `A` is not read, nor its diagonal when `diag` is unit.",
        types: "sdcz",
        level: 2,
        shell: Shell::Generated,
        device: None,
        args: &[
            CTX,
            uplo("a"),
            TRANS,
            DIAG,
            dim("n"),
            dim("k"),
            tri_band("a", "n", "k", "lda").op("trans"),
            vec("x", InOut, d("n"), "incx"),
        ],
        call: &["uplo", "diag", "a", "x"],
        py: &["a", "x"],
    },
    Routine {
        name: "tbsv",
        doc: "`x := op(A)^-1*x` (solves `op(A)*z = x`) with `A` a triangular band matrix with `k` off-diagonals, held in its `uplo` triangle",
        more: "The other triangle of `A` is not read, nor its diagonal when `diag` is unit. \
               No test for singularity: a zero on the diagonal gives infinities or NaN, as in BLAS.",
        types: "sdcz",
        level: 2,
        shell: Shell::Generated,
        device: None,
        args: &[
            CTX,
            uplo("a"),
            TRANS,
            DIAG,
            dim("n"),
            dim("k"),
            tri_band("a", "n", "k", "lda").op("trans"),
            vec("x", InOut, d("n"), "incx").py("b"),
        ],
        call: &["uplo", "diag", "a", "x"],
        py: &["a", "b"],
    },
    Routine {
        name: "tpmv",
        doc: "`x := op(A)*x` with `A` triangular, held in its `uplo` triangle in packed storage",
        more: "The diagonal of `A` is not read when `diag` is unit.",
        types: "sdcz",
        level: 2,
        shell: Shell::Generated,
        device: None,
        args: &[
            CTX,
            uplo("ap"),
            TRANS,
            DIAG,
            dim("n"),
            packed("ap", In, "n").op("trans"),
            vec("x", InOut, d("n"), "incx"),
        ],
        call: &["diag", "ap", "x"],
        py: &["ap", "x"],
    },
    Routine {
        name: "tpsv",
        doc: "`x := op(A)^-1*x` (solves `op(A)*z = x`) with `A` triangular, held in its `uplo` triangle in packed storage",
        more: "The diagonal of `A` is not read when `diag` is unit. \
               No test for singularity: a zero on the diagonal gives infinities or NaN, as in BLAS.",
        types: "sdcz",
        level: 2,
        shell: Shell::Generated,
        device: None,
        args: &[
            CTX,
            uplo("ap"),
            TRANS,
            DIAG,
            dim("n"),
            packed("ap", In, "n").op("trans"),
            vec("x", InOut, d("n"), "incx").py("b"),
        ],
        call: &["diag", "ap", "x"],
        py: &["ap", "b"],
    },
    Routine {
        name: "spr",
        doc: "`A := alpha*x*x^T + A` on the `uplo` triangle of the symmetric `A` in packed storage",
        more: "",
        types: "sd",
        level: 2,
        shell: Shell::Generated,
        device: None,
        args: &[
            CTX,
            uplo("ap"),
            dim("n"),
            ALPHA,
            vec("x", In, d("n"), "incx"),
            packed("ap", InOut, "n"),
        ],
        call: &["alpha", "x", "ap"],
        py: &["alpha", "x", "ap"],
    },
    Routine {
        name: "spr2",
        doc: "`A := alpha*(x*y^T + y*x^T) + A` on the `uplo` triangle of the symmetric `A` in packed storage",
        more: "",
        types: "sd",
        level: 2,
        shell: Shell::Generated,
        device: None,
        args: &[
            CTX,
            uplo("ap"),
            dim("n"),
            ALPHA,
            vec("x", In, d("n"), "incx"),
            vec("y", In, d("n"), "incy"),
            packed("ap", InOut, "n"),
        ],
        call: &["alpha", "x", "y", "ap"],
        py: &["alpha", "x", "y", "ap"],
    },
    // ---- Level 3 ----
    Routine {
        name: "gemm",
        doc: "`C := alpha*op(A)*op(B) + beta*C`",
        more: "",
        types: "sdcz",
        level: 3,
        shell: Shell::Helper(helper_docs::GEMM),
        device: Some(BUF_GEMM),
        args: &[
            CTX,
            trans("transa").py("trans_a"),
            trans("transb").py("trans_b"),
            dim("m"),
            dim("n"),
            dim("k"),
            ALPHA,
            mat("a", In, pick("transa", "m", "k"), pick("transa", "k", "m"), "rsa", "csa").op("transa"),
            mat("b", In, pick("transb", "k", "n"), pick("transb", "n", "k"), "rsb", "csb").op("transb"),
            BETA,
            mat("c", InOut, d("m"), d("n"), "rsc", "csc").py("out"),
        ],
        call: &["alpha", "a", "b", "beta", "c"],
        py: &["a", "b", "out=None"],
    },
    Routine {
        name: "symm",
        doc: "`C := alpha*A*B + beta*C` (side left) or `alpha*B*A + beta*C` (side right) with `A` symmetric, held in its `uplo` triangle",
        more: "The other triangle of `A` is not read. `beta == 0` does not read `C` (NaN there does not come out).",
        types: "sdcz",
        level: 3,
        shell: Shell::Generated,
        device: None,
        args: &[
            CTX,
            SIDE,
            uplo("a"),
            dim("m"),
            dim("n"),
            ALPHA,
            mat("a", In, pick("side", "m", "n"), pick("side", "m", "n"), "rsa", "csa"),
            mat("b", In, d("m"), d("n"), "rsb", "csb"),
            BETA,
            mat("c", InOut, d("m"), d("n"), "rsc", "csc").py("out"),
        ],
        call: &["side", "uplo", "alpha", "a", "b", "beta", "c"],
        py: &["a", "b", "out=None"],
    },
    Routine {
        name: "hemm",
        doc: "`C := alpha*A*B + beta*C` (side left) or `alpha*B*A + beta*C` (side right) with `A` Hermitian, held in its `uplo` triangle",
        more: "The other triangle of `A` is not read, nor the imaginary parts of its diagonal (taken as 0). `beta == 0` does not read `C` (NaN there does not come out).",
        types: "cz",
        level: 3,
        shell: Shell::Generated,
        device: None,
        args: &[
            CTX,
            SIDE,
            uplo("a"),
            dim("m"),
            dim("n"),
            ALPHA,
            mat("a", In, pick("side", "m", "n"), pick("side", "m", "n"), "rsa", "csa"),
            mat("b", In, d("m"), d("n"), "rsb", "csb"),
            BETA,
            mat("c", InOut, d("m"), d("n"), "rsc", "csc").py("out"),
        ],
        call: &["side", "uplo", "alpha", "a", "b", "beta", "c"],
        py: &["a", "b", "out=None"],
    },
    Routine {
        name: "syrk",
        doc: "`C := alpha*A*A^T + beta*C` (trans no, `A` is `n x k`) or `alpha*A^T*A + beta*C` (trans yes, `A` is `k x n`) on the `uplo` triangle of the symmetric `C`",
        more: "The other triangle of `C` is neither read nor written. `beta == 0` does not read `C` (NaN there does not come out).",
        types: "sdcz",
        level: 3,
        shell: Shell::Generated,
        device: None,
        args: &[
            CTX,
            uplo("c"),
            TRANS,
            dim("n"),
            dim("k"),
            ALPHA,
            mat("a", In, pick("trans", "n", "k"), pick("trans", "k", "n"), "rsa", "csa").op("trans"),
            BETA,
            mat("c", InOut, d("n"), d("n"), "rsc", "csc").py("out"),
        ],
        call: &["uplo", "alpha", "a", "beta", "c"],
        py: &["a", "out=None"],
    },
    Routine {
        name: "syr2k",
        doc: "`C := alpha*(A*B^T + B*A^T) + beta*C` (trans no, `A` and `B` are `n x k`) or `alpha*(A^T*B + B^T*A) + beta*C` (trans yes, `k x n`) on the `uplo` triangle of the symmetric `C`",
        more: "The other triangle of `C` is neither read nor written. `beta == 0` does not read `C` (NaN there does not come out).",
        types: "sdcz",
        level: 3,
        shell: Shell::Generated,
        device: None,
        args: &[
            CTX,
            uplo("c"),
            TRANS,
            dim("n"),
            dim("k"),
            ALPHA,
            mat("a", In, pick("trans", "n", "k"), pick("trans", "k", "n"), "rsa", "csa").op("trans"),
            mat("b", In, pick("trans", "n", "k"), pick("trans", "k", "n"), "rsb", "csb").op("trans"),
            BETA,
            mat("c", InOut, d("n"), d("n"), "rsc", "csc").py("out"),
        ],
        call: &["uplo", "alpha", "a", "b", "beta", "c"],
        py: &["a", "b", "out=None"],
    },
    Routine {
        name: "herk",
        doc: "`C := alpha*op(A)*op(A)^H + beta*C` (`alpha`, `beta` real) on the `uplo` triangle of the Hermitian `n x n` `C`, `op(A)` being `n x k`: `A` (trans no, stored `n x k`) or `A^H` (trans conj, stored `k x n`)",
        more: "The other triangle of `C` is neither read nor written, and its diagonal comes out real. `beta == 0` does not read `C` (NaN there does not come out). `OXPAR_TRANS_YES` takes `op(A) = A^T`, which BLAS does not offer.",
        types: "cz",
        level: 3,
        shell: Shell::Generated,
        device: None,
        args: &[
            CTX,
            uplo("c"),
            TRANS,
            dim("n"),
            dim("k"),
            REAL_ALPHA,
            mat("a", In, pick("trans", "n", "k"), pick("trans", "k", "n"), "rsa", "csa").op("trans"),
            REAL_BETA,
            mat("c", InOut, d("n"), d("n"), "rsc", "csc").py("out"),
        ],
        call: &["uplo", "alpha", "a", "beta", "c"],
        py: &["a", "out=None"],
    },
    Routine {
        name: "her2k",
        doc: "`C := alpha*op(A)*op(B)^H + conj(alpha)*op(B)*op(A)^H + beta*C` (`beta` real) on the `uplo` triangle of the Hermitian `n x n` `C`, `op(A)`, `op(B)` being `n x k`: as stored (trans no) or `A^H`, `B^H` (trans conj, stored `k x n`)",
        more: "The other triangle of `C` is neither read nor written, and its diagonal comes out real. `beta == 0` does not read `C` (NaN there does not come out). `OXPAR_TRANS_YES` takes the plain transposes, which BLAS does not offer.",
        types: "cz",
        level: 3,
        shell: Shell::Generated,
        device: None,
        args: &[
            CTX,
            uplo("c"),
            TRANS,
            dim("n"),
            dim("k"),
            ALPHA,
            mat("a", In, pick("trans", "n", "k"), pick("trans", "k", "n"), "rsa", "csa").op("trans"),
            mat("b", In, pick("trans", "n", "k"), pick("trans", "k", "n"), "rsb", "csb").op("trans"),
            REAL_BETA,
            mat("c", InOut, d("n"), d("n"), "rsc", "csc").py("out"),
        ],
        call: &["uplo", "alpha", "a", "b", "beta", "c"],
        py: &["a", "b", "out=None"],
    },
    Routine {
        name: "trmm",
        doc: "`B := alpha*op(A)*B` (side left) or `alpha*B*op(A)` (side right) with `A` triangular, held in its `uplo` triangle",
        more: "The other triangle of `A` is not read, nor its diagonal when `diag` is unit.",
        types: "sdcz",
        level: 3,
        shell: Shell::Generated,
        device: None,
        args: &[
            CTX,
            SIDE,
            uplo("a"),
            TRANS,
            DIAG,
            dim("m"),
            dim("n"),
            ALPHA,
            mat("a", In, pick("side", "m", "n"), pick("side", "m", "n"), "rsa", "csa").op("trans"),
            mat("b", InOut, d("m"), d("n"), "rsb", "csb"),
        ],
        call: &["side", "uplo", "diag", "alpha", "a", "b"],
        py: &["a", "b"],
    },
    Routine {
        name: "trsm",
        doc: "`B := alpha*op(A)^-1*B` (side left) or `alpha*B*op(A)^-1` (side right) with `A` triangular, held in its `uplo` triangle",
        more: "Solves `op(A)*X = alpha*B` or `X*op(A) = alpha*B` for `X`, which overwrites `B`. The other \
               triangle of `A` is not read, nor its diagonal when `diag` is unit. No test for singularity: a zero on the diagonal gives infinities or NaN, as in BLAS.",
        types: "sdcz",
        level: 3,
        shell: Shell::Generated,
        device: None,
        args: &[
            CTX,
            SIDE,
            uplo("a"),
            TRANS,
            DIAG,
            dim("m"),
            dim("n"),
            ALPHA,
            mat("a", In, pick("side", "m", "n"), pick("side", "m", "n"), "rsa", "csa").op("trans"),
            mat("b", InOut, d("m"), d("n"), "rsb", "csb"),
        ],
        call: &["side", "uplo", "diag", "alpha", "a", "b"],
        py: &["a", "b"],
    },
];

/// The routines with a hand-written C helper, and their documentation.
pub fn with_helper() -> impl Iterator<Item = (&'static Routine, Helper)> {
    ROUTINES.iter().filter_map(|r| match r.shell {
        Shell::Helper(h) => Some((r, h)),
        Shell::Generated => None,
    })
}

/// The C name of a routine for element type `t`: `oxpar_<t><name>`, but
/// BLAS's names where BLAS puts the letters elsewhere: `oxpar_i<t>amax`, the
/// complex norms with their real letter first (`oxpar_scnrm2`,
/// `oxpar_dzasum`) and the real-scalar scaling of complex vectors
/// (`oxpar_csscal`, `oxpar_zdscal`).
pub fn c_name(r: &Routine, t: char) -> String {
    let real = match t {
        'c' => 's',
        'z' => 'd',
        _ => t,
    };
    match (r.name, t) {
        ("iamax", _) => format!("oxpar_i{t}amax"),
        ("nrm2" | "asum", 'c' | 'z') => format!("oxpar_{real}{t}{}", r.name),
        ("rscal", _) => format!("oxpar_{t}{real}scal"),
        _ => format!("oxpar_{t}{}", r.name),
    }
}

/// The generated routines with a real element type (what the ndarray
/// functions are written for so far).
pub fn generated_real() -> impl Iterator<Item = &'static Routine> {
    generated().filter(|r| !r.real_types().is_empty())
}

/// The routines whose wrappers are generated.
pub fn generated() -> impl Iterator<Item = &'static Routine> {
    ROUTINES.iter().filter(|r| r.shell == Shell::Generated)
}

/// The C type of an element type letter, the Rust one, and the word the docs
/// use. The complex C types are `oxpar_c32`/`oxpar_c64` (include/oxpar.h:
/// C99 `float _Complex`/`double _Complex`, C++ `std::complex`), the Rust
/// ones the C ABI's aliases of num-complex's `Complex<f32>`/`Complex<f64>`.
pub fn element(t: char) -> (&'static str, &'static str, &'static str) {
    match t {
        's' => ("float", "f32", "floats"),
        'd' => ("double", "f64", "doubles"),
        'c' => ("oxpar_c32", "oxpar_c32", "single-precision complex numbers"),
        'z' => ("oxpar_c64", "oxpar_c64", "double-precision complex numbers"),
        _ => panic!("no element type {t}"),
    }
}

/// The real type of an element type letter, as [`element`] gives it.
pub fn real_element(t: char) -> (&'static str, &'static str, &'static str) {
    element(match t {
        'c' => 's',
        'z' => 'd',
        _ => t,
    })
}

/// The enum's two C constants, and the Rust type and variants.
pub fn enum_info(kind: Kind) -> EnumInfo {
    match kind {
        Kind::Side => EnumInfo {
            consts: ["OXPAR_SIDE_LEFT", "OXPAR_SIDE_RIGHT"],
            rust: "oxpar::Side",
            variants: ["Left", "Right"],
            from: "side_from",
        },
        Kind::Uplo { .. } => EnumInfo {
            consts: ["OXPAR_UPLO_UPPER", "OXPAR_UPLO_LOWER"],
            rust: "oxpar::Uplo",
            variants: ["Upper", "Lower"],
            from: "uplo_from",
        },
        Kind::Trans => EnumInfo {
            consts: ["OXPAR_TRANS_NO", "OXPAR_TRANS_YES"],
            rust: "oxpar::Trans",
            variants: ["No", "Yes"],
            from: "trans_from",
        },
        Kind::Diag => EnumInfo {
            consts: ["OXPAR_DIAG_NON_UNIT", "OXPAR_DIAG_UNIT"],
            rust: "oxpar::Diag",
            variants: ["NonUnit", "Unit"],
            from: "diag_from",
        },
    }
}

/// See [`enum_info`].
pub struct EnumInfo {
    /// The C constants for 0 and 1.
    pub consts: [&'static str; 2],
    /// The Rust type.
    pub rust: &'static str,
    /// Its variants for 0 and 1.
    pub variants: [&'static str; 2],
    /// The checked conversion in crates/oxpar-capi/src/status.rs.
    pub from: &'static str,
}

// ---- The float documentation of the routines on device buffers (`Device`) ----

/// `oxpar_buffer_saxpy`
const BUF_AXPY: Device = Device {
    doc: "`y := alpha*x + y` on float buffers of an OpenCL context. Element `i` of\n\
`x` is at index `offx + i*incx` of its buffer (increments may be\n\
negative: `offx` is then the index of the logical first element), and\n\
likewise for `y`. `y` must be another buffer than `x`. Returns once the\n\
kernel is queued; later calls on the context see its result.\n\
\n\
Errors: `OXPAR_STATUS_NULL_POINTER`, `OXPAR_STATUS_UNSUPPORTED` (not an\n\
OpenCL context), `OXPAR_STATUS_INVALID_ARGUMENT` (a buffer of another\n\
type or another context, y the same buffer as x),\n\
`OXPAR_STATUS_SHAPE_MISMATCH` (an element outside its buffer),\n\
`OXPAR_STATUS_INVALID_STRIDE` (incy 0 with n > 1; incx may be 0),\n\
`OXPAR_STATUS_DEVICE_ERROR`.\n\
\n\
# Safety\n\
`ctx`, `x`, `y` are NULL or live handles, `y` used by no other call\n\
meanwhile; `alpha` is NULL or readable.",
};

/// `oxpar_buffer_sscal`
const BUF_SCAL: Device = Device {
    doc: "`x := alpha*x` on float buffers of an OpenCL context (`x` as in\n\
`oxpar_buffer_saxpy`). Returns once the kernel is queued.\n\
\n\
Errors: as `oxpar_buffer_saxpy`.\n\
\n\
# Safety\n\
`ctx`, `x` are NULL or live handles, `x` used by no other call\n\
meanwhile; `alpha` is NULL or readable.",
};

/// `oxpar_buffer_scopy`
const BUF_COPY: Device = Device {
    doc: "`y := x` on float buffers (vectors as in `oxpar_buffer_saxpy`); `y` must\n\
be another buffer than `x`. Returns once the kernel is queued.\n\
\n\
Errors: as `oxpar_buffer_saxpy`.\n\
\n\
# Safety\n\
`ctx`, `x`, `y` are NULL or live handles, `y` used by no other call\n\
meanwhile.",
};

/// `oxpar_buffer_sswap`
const BUF_SWAP: Device = Device {
    doc: "Exchanges `x` and `y` on float buffers (vectors as in\n\
`oxpar_buffer_saxpy`); they must be different buffers. Returns once the\n\
kernel is queued.\n\
\n\
Errors: as `oxpar_buffer_saxpy` (`OXPAR_STATUS_INVALID_ARGUMENT` for y\n\
the same buffer as x).\n\
\n\
# Safety\n\
`ctx`, `x`, `y` are NULL or live handles, `x` and `y` used by no other\n\
call meanwhile.",
};

/// `oxpar_buffer_sdot`
const BUF_DOT: Device = Device {
    doc: "`*out := x . y` on float buffers (vectors as in `oxpar_buffer_saxpy`);\n\
0 for n = 0. Waits for the result.\n\
\n\
In reproducible mode (`oxpar_context_set_reproducible`) the result is the\n\
exact one correctly rounded, the same bits as the host routines give on\n\
any context in that mode.\n\
\n\
Errors: as `oxpar_buffer_saxpy`, and `OXPAR_STATUS_NULL_POINTER` (out).\n\
\n\
# Safety\n\
`ctx`, `x`, `y` are NULL or live handles; `out` is NULL or writable.",
};

/// `oxpar_buffer_snrm2`
const BUF_NRM2: Device = Device {
    doc: "`*out :=` the Euclidean norm of `x` on a float buffer (`x` as in\n\
`oxpar_buffer_saxpy`); 0 for n = 0. Waits for the result.\n\
\n\
In reproducible mode (`oxpar_context_set_reproducible`) the result is the\n\
correctly rounded square root of the exact sum of squares, the same bits\n\
as the host routines give on any context in that mode.\n\
\n\
Errors: as `oxpar_buffer_saxpy`, and `OXPAR_STATUS_NULL_POINTER` (out).\n\
\n\
# Safety\n\
`ctx`, `x` are NULL or live handles; `out` is NULL or writable.",
};

/// `oxpar_buffer_sasum`
const BUF_ASUM: Device = Device {
    doc: "`*out :=` the sum of the absolute values of `x` on a float buffer (`x` as in\n\
`oxpar_buffer_saxpy`); 0 for n = 0. Waits for the result.\n\
\n\
In reproducible mode (`oxpar_context_set_reproducible`) the result is the\n\
exact one correctly rounded, the same bits as the host routines give on\n\
any context in that mode.\n\
\n\
Errors: as `oxpar_buffer_saxpy`, and `OXPAR_STATUS_NULL_POINTER` (out).\n\
\n\
# Safety\n\
`ctx`, `x` are NULL or live handles; `out` is NULL or writable.",
};

/// `oxpar_buffer_ssum`
const BUF_SUM: Device = Device {
    doc: "`*out :=` the sum of the elements of `x` on a float buffer (`x` as in\n\
`oxpar_buffer_saxpy`); 0 for n = 0. Waits for the result. The ordinary\n\
sum is the same from run to run on one device, but its last bits may\n\
differ from other devices and backends.\n\
\n\
In reproducible mode (`oxpar_context_set_reproducible`) the result is the\n\
exact one correctly rounded, the same bits as the host routines give on\n\
any context in that mode.\n\
\n\
Errors: as `oxpar_buffer_saxpy`, and `OXPAR_STATUS_NULL_POINTER` (out).\n\
\n\
# Safety\n\
`ctx`, `x` are NULL or live handles; `out` is NULL or writable.",
};

/// `oxpar_buffer_isamax`
const BUF_IAMAX: Device = Device {
    doc: "`*out :=` the 0-based index of the first element of largest absolute\n\
value of `x` (a float buffer, as in `oxpar_buffer_saxpy`); the first NaN\n\
if there is one; `OXPAR_INDEX_NONE` for n = 0. Waits for the result.\n\
\n\
Errors: as `oxpar_buffer_saxpy`, and `OXPAR_STATUS_NULL_POINTER` (out).\n\
\n\
# Safety\n\
`ctx`, `x` are NULL or live handles; `out` is NULL or writable.",
};

/// `oxpar_buffer_sgemv`
const BUF_GEMV: Device = Device {
    doc: "`y := alpha*op(A)*x + beta*y` on float buffers, as `oxpar_sgemv` with\n\
the matrix given by its buffer, the index of its element (0, 0) (`offa`)\n\
and its element strides (element (i, j) of the stored `m x n` A is at\n\
index `offa + i*rsa + j*csa`), and the vectors as in\n\
`oxpar_buffer_saxpy`. `y` must be another buffer than `a` and `x`.\n\
Returns once the kernel is queued.\n\
\n\
Errors: as `oxpar_buffer_saxpy`, and `OXPAR_STATUS_INVALID_ARGUMENT`\n\
(trans).\n\
\n\
# Safety\n\
`ctx`, `a`, `x`, `y` are NULL or live handles, `y` used by no other call\n\
meanwhile; `alpha`, `beta` are NULL or readable.",
};

/// `oxpar_buffer_sger`
const BUF_GER: Device = Device {
    doc: "`A := alpha*x*y^T + A` on float buffers, as `oxpar_sger` with the\n\
matrix as in `oxpar_buffer_sgemv` and the vectors as in\n\
`oxpar_buffer_saxpy` (`x` of `m`, `y` of `n` elements). `a` must be\n\
another buffer than `x` and `y`. Returns once the kernel is queued.\n\
\n\
Errors: as `oxpar_buffer_saxpy`, and `OXPAR_STATUS_INVALID_STRIDE`\n\
(strides of A that make elements share an index).\n\
\n\
# Safety\n\
`ctx`, `x`, `y`, `a` are NULL or live handles, `a` used by no other call\n\
meanwhile; `alpha` is NULL or readable.",
};

/// `oxpar_buffer_sgemm`
const BUF_GEMM: Device = Device {
    doc: "`C := alpha*op(A)*op(B) + beta*C` on float buffers, as `oxpar_sgemm` with\n\
each matrix given by its buffer, the index of its element (0, 0) as\n\
stored (`offa`, ...) and its element strides: element (i, j) of the\n\
stored A is at index `offa + i*rsa + j*csa`. `c` must be another buffer\n\
than `a` and `b`. Returns once the kernel is queued.\n\
\n\
Errors: as `oxpar_buffer_saxpy`, and `OXPAR_STATUS_INVALID_ARGUMENT`\n\
(transa, transb), `OXPAR_STATUS_INVALID_STRIDE` (strides of C that make\n\
elements share an index).\n\
\n\
# Safety\n\
`ctx`, `a`, `b`, `c` are NULL or live handles, `c` used by no other call\n\
meanwhile; `alpha`, `beta` are NULL or readable.",
};

/// The routines that exist on device buffers too.
pub fn on_device() -> impl Iterator<Item = (&'static Routine, Device)> {
    ROUTINES.iter().filter_map(|r| r.device.map(|d| (r, d)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_collective_routine_says_so() {
        for (r, h) in with_helper() {
            assert_eq!(h.collective, h.errors.contains("collective"), "{}", r.name);
        }
    }

    #[test]
    fn every_name_the_table_uses_is_an_argument() {
        for r in ROUTINES {
            let dims: Vec<_> = r
                .args
                .iter()
                .filter(|a| a.role == Role::Dim)
                .map(|a| a.name)
                .collect();
            // A dimension argument, or the literal 0 (a band's missing side).
            let known = |x: &str| x == "0" || dims.contains(&x);
            let check_ext = |e: Ext| match e {
                Ext::D(x) => assert!(known(x), "{}: {x}", r.name),
                Ext::Pick { on, no, yes } => {
                    assert!(matches!(r.arg(on).role, Role::Enum(_)), "{}: {on}", r.name);
                    assert!(known(no) && known(yes), "{}", r.name);
                }
            };
            let check_op = |op: Option<&str>| {
                if let Some(t) = op {
                    assert_eq!(r.arg(t).role, Role::Enum(Kind::Trans), "{}", r.name);
                }
            };
            for a in r.args {
                match a.role {
                    Role::Vector { len, .. } => check_ext(len),
                    Role::Matrix { rows, cols, op, .. } => {
                        check_ext(rows);
                        check_ext(cols);
                        check_op(op);
                    }
                    Role::Band {
                        rows,
                        cols,
                        kl,
                        ku,
                        op,
                        ..
                    } => {
                        for e in [rows, cols, kl, ku] {
                            check_ext(e);
                        }
                        check_op(op);
                    }
                    Role::Packed { n, uplo, op, .. } => {
                        assert!(dims.contains(&n), "{}: {n}", r.name);
                        assert!(matches!(r.arg(uplo).role, Role::Enum(Kind::Uplo { .. })));
                        check_op(op);
                    }
                    Role::Enum(Kind::Uplo { of }) => assert!(
                        matches!(
                            r.arg(of).role,
                            Role::Matrix { .. } | Role::Band { .. } | Role::Packed { .. }
                        ),
                        "{}",
                        r.name
                    ),
                    _ => {}
                }
            }
            for c in r.call {
                r.arg(c);
            }
        }
    }
}
