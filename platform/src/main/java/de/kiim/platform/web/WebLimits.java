package de.kiim.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How large a request may be ({@code kiim.web.*}): every body at most {@code maxRequestBytes}, a bulk import at
 * most {@code maxUploadBytes}. Both small by default; an operator with larger imports raises the second.
 *
 * @param uploadPath the path prefix of the bulk-import endpoint, the only one with the larger limit
 */
@ConfigurationProperties("kiim.web")
public record WebLimits(DataSize maxRequestBytes, DataSize maxUploadBytes, String uploadPath) {

    public WebLimits {
        maxRequestBytes = maxRequestBytes == null ? DataSize.ofKilobytes(64) : maxRequestBytes;
        maxUploadBytes = maxUploadBytes == null ? DataSize.ofMegabytes(100) : maxUploadBytes;
        uploadPath = uploadPath == null ? "/api/v1/imports" : uploadPath;
    }

    long forPath(String path) {
        return path.equals(uploadPath) ? maxUploadBytes.toBytes() : maxRequestBytes.toBytes();
    }
}
