#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The directories of a run's file list, kept open so that each of their files is opened
/// by its name in the open directory (`openat`), not by a path the kernel walks again from
/// the start for every file. The descriptors are duplicates of those the directory walk
/// listed with, closed when the last copy of the list goes.
///
/// Filled while the list is built, on one thread, before the list is shared; only read
/// after that.
final class DirectoryHandles: @unchecked Sendable {
    /// The most directories kept open at once: a quarter of the process's limit on open
    /// files, and never more than 256. A directory past that has its files opened by path.
    static let most: Int = {
        var limit = rlimit()
        #if canImport(Glibc)
        let resource = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
        #else
        let resource = RLIMIT_NOFILE
        #endif
        guard getrlimit(resource, &limit) == 0 else { return 16 }
        // No limit reads as the largest number, which the 256 caps.
        return min(256, Int(clamping: limit.rlim_cur) / 4)
    }()

    /// A descriptor for each directory of the list, in its order; -1 where none is kept.
    private(set) var descriptors: [Int32] = []
    private var kept = 0

    /// Adds the next directory of the list, open as `descriptor` (still owned by the
    /// caller), or -1 when it has none: a duplicate is kept while fewer than ``most`` are.
    func add(_ descriptor: Int32) {
        var duplicate: Int32 = -1
        if descriptor >= 0, kept < Self.most {
            duplicate = fcntl(descriptor, F_DUPFD_CLOEXEC, 0)
            if duplicate >= 0 { kept += 1 }
        }
        descriptors.append(duplicate)
    }

    deinit {
        for descriptor in descriptors where descriptor >= 0 { close(descriptor) }
    }
}
